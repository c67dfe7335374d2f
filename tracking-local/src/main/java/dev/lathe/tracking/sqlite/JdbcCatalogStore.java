package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.runs.GitCommit;
import dev.lathe.tracking.runs.RunNameGenerator;
import dev.lathe.tracking.search.RunQueryFilter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiments, searches, artifacts and chart reads of a {@link JdbcTrackingStore} (which adds the
 * runs' writes, their liveness and the store's life cycle), over its {@link Database}.
 */
abstract class JdbcCatalogStore implements TrackingStore {
    final Database db;
    final ExperimentDao experiments;
    final RunDao runs;
    final SqliteSearch search;
    final StoreArtifacts artifacts;
    final RunDataDao data = new RunDataDao();
    final ChartReads charts;

    /** Locations are recorded relative to {@code pathsRoot}; new experiments go under {@code artifactRoot}. */
    JdbcCatalogStore(Database db, Path pathsRoot, Path artifactRoot) {
        this.db = db;
        this.experiments = new ExperimentDao(new StorePaths(pathsRoot), artifactRoot);
        String source = System.getProperty("sun.java.command", "java").split(" ")[0];
        this.runs = new RunDao(
                experiments,
                new RunNameGenerator(new SecureRandom()),
                source,
                GitCommit.of(Path.of("").toAbsolutePath()));
        this.search = new SqliteSearch(db, experiments);
        this.artifacts = new StoreArtifacts(db, runs);
        this.charts = new ChartReads(db, runs, experiments, data);
    }

    /** Answered by {@link #searchRuns(List, String, List, int, String, ViewType)} ({@link RunQueryFilter}). */
    @Override
    public List<Run> findRuns(RunQuery query) {
        return searchRuns(
                        List.of(query.experimentId()),
                        RunQueryFilter.of(query),
                        RunQueryFilter.ORDER,
                        query.maxResults(),
                        null,
                        ViewType.ACTIVE_ONLY)
                .items();
    }

    @Override
    public List<Run> childRuns(String parentRunId) {
        return db.read(c -> {
            runs.info(c, parentRunId);
            return SqliteRuns.loadAll(c, experiments.paths(), runs.childIds(c, parentRunId));
        });
    }

    // ---- experiments ----

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        return db.write(c -> experiments.create(c, name, artifactLocation, tags));
    }

    @Override
    public Experiment getExperiment(String experimentId) {
        return db.read(c -> experiments.get(c, experimentId));
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return db.read(c -> experiments.byName(c, name));
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return db.read(c -> experiments.list(c, viewType));
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        db.execute(c -> experiments.rename(c, experimentId, newName));
    }

    @Override
    public void deleteExperiment(String experimentId) {
        db.execute(c -> experiments.setStage(c, experimentId, LifecycleStage.DELETED));
    }

    @Override
    public void restoreExperiment(String experimentId) {
        db.execute(c -> experiments.setStage(c, experimentId, LifecycleStage.ACTIVE));
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        db.execute(c -> experiments.setTag(c, experimentId, key, value));
    }

    @Override
    public Run getRun(String runId) {
        return db.read(c -> SqliteRuns.load(c, experiments.paths(), runId));
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return charts.history(runId, key);
    }

    /** One grouped query over the metrics history index. */
    @Override
    public List<MetricSummary> summarizeMetrics(Collection<String> runIds, Collection<String> keys) {
        return charts.summarize(runIds, keys);
    }

    /** Min and max per step interval read inside the database, over the covering history index. */
    @Override
    public List<Metric> sampleMetricHistory(String runId, String key, long firstStep, long lastStep, int maxPoints) {
        return charts.sample(runId, key, firstStep, lastStep, maxPoints);
    }

    /** From the experiment keys table that triggers keep. */
    @Override
    public KeyMatches searchKeys(String experimentId, RunDataKind kind, String contains, int maxResults) {
        return charts.keys(experimentId, kind, contains, maxResults);
    }

    // ---- artifacts ----

    @Override
    public void logArtifact(String runId, String path, byte[] content) {
        artifacts.writable(runId).write(path, content);
    }

    @Override
    public void logArtifacts(String runId, Path local, String artifactPath) {
        artifacts.writable(runId).copyIn(local, artifactPath);
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return artifacts.of(runId).list(path);
    }

    @Override
    public byte[] readArtifact(String runId, String path) {
        return artifacts.of(runId).read(path);
    }

    @Override
    public Path downloadArtifacts(String runId, String path, Path destinationDir) {
        return artifacts.of(runId).download(path, destinationDir);
    }

    @Override
    public Path artifactPath(String runId, String path) {
        return artifacts.of(runId).resolve(path);
    }

    @Override
    public Page<Run> searchRuns(
            List<String> experimentIds,
            String filter,
            List<String> orderBy,
            int maxResults,
            String pageToken,
            ViewType viewType) {
        return search.runs(experimentIds, filter, orderBy, maxResults, pageToken, viewType);
    }

    @Override
    public Page<Experiment> searchExperiments(
            String filter, List<String> orderBy, int maxResults, String pageToken, ViewType viewType) {
        return search.experiments(filter, orderBy, maxResults, pageToken, viewType);
    }
}
