package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.core.tracking.queue.TrialQueue;
import dev.lathe.tracking.artifacts.LocalArtifactRepository;
import dev.lathe.tracking.runs.GitCommit;
import dev.lathe.tracking.runs.RunNameGenerator;
import dev.lathe.tracking.search.RunQueryFilter;
import dev.lathe.tracking.validation.EntityValidator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracking store over a JDBC {@link Database}, whatever its engine: experiments, runs, batches,
 * asynchronous metrics, run liveness, artifacts under local (or shared) directories, MLflow search and
 * the model registry, all written once in SQL that SQLite and PostgreSQL both run ({@link
 * dev.lathe.tracking.search.SqlDialect} for the few differences). {@link SqliteTrackingStore} opens it on
 * one SQLite file; the PostgreSQL store (module tracking-postgres) on a pool of connections.
 */
public abstract class JdbcTrackingStore implements TrackingStore {
    private final Database db;
    private final ExperimentDao experiments;
    private final RunDao runs;
    private final RunDataDao data = new RunDataDao();
    private final AsyncMetricWriter writer;
    private final RunBatchWriter batches;
    private final SqliteModelRegistry registry;
    private final SqliteSearch search;
    private final Thread shutdownHook;
    private final RunLiveness liveness;
    private final JdbcTrialQueue trialQueue;
    private volatile boolean closed;

    /**
     * A store over {@code db}: locations are recorded relative to {@code pathsRoot} when under it, and an
     * experiment created without a location gets {@code <artifactRoot>/<id>}; {@code name} names its
     * threads.
     */
    protected JdbcTrackingStore(Database db, Path pathsRoot, Path artifactRoot, String name) {
        this.db = db;
        this.experiments = new ExperimentDao(new StorePaths(pathsRoot), artifactRoot);
        String source = System.getProperty("sun.java.command", "java").split(" ")[0];
        this.runs = new RunDao(
                experiments,
                new RunNameGenerator(new SecureRandom()),
                source,
                GitCommit.of(Path.of("").toAbsolutePath()));
        this.writer = new AsyncMetricWriter(new MetricSink(db, runs, data), "lathe-metric-writer-" + name);
        this.batches = new RunBatchWriter(runs);
        this.liveness = new RunLiveness(db, runs, "lathe-heartbeat-" + name);
        this.search = new SqliteSearch(db, experiments);
        this.trialQueue = new JdbcTrialQueue(db);
        this.registry = new SqliteModelRegistry(db, this, search, new RegistryDao(experiments.paths()));
        this.shutdownHook = new Thread(writer::close, "lathe-store-shutdown-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates the default experiment (id 0, {@code <artifactRoot>/0}) when it does not exist yet, in its
     * own write transaction; stores call it once after migrating.
     */
    protected static void ensureDefaultExperiment(Database db, Path pathsRoot, Path artifactRoot) {
        db.execute(c -> new ExperimentDao(new StorePaths(pathsRoot), artifactRoot).ensureDefault(c));
    }

    /** The database this store runs its statements on. */
    protected Database database() {
        return db;
    }

    Thread shutdownHook() {
        return shutdownHook;
    }

    RunDao runs() {
        return runs;
    }

    ExperimentDao experiments() {
        return experiments;
    }

    // ---- Tracker ----

    @Override
    public String getOrCreateExperiment(String name) {
        return db.write(c -> experiments.getOrCreate(c, name));
    }

    @Override
    public ActiveRun startRun(RunSpec spec) {
        RunInfo info = createRun(spec);
        return new SqliteActiveRun(this, writer, info.runId(), info.experimentId());
    }

    @Override
    public ActiveRun resumeRun(String runId) {
        RunInfo info = db.write(c -> {
            RunInfo reopened = runs.reopen(c, runId);
            liveness.claim(c, runId);
            return reopened;
        });
        liveness.beatIfOwning();
        return new SqliteActiveRun(this, writer, info.runId(), info.experimentId());
    }

    /**
     * The RUNNING runs among {@code runIds} whose owner is dead (see {@link RunOwner}), with that owner:
     * their process was killed, or closed its store without ending them. Runs without an owner record
     * (logged before migration 6) are never reported dead.
     */
    public Map<String, RunOwner> deadRuns(List<String> runIds) {
        return liveness.byLiveness(runIds, true);
    }

    /**
     * The RUNNING runs among {@code runIds} whose owner is alive (this process, or a process still running
     * or still beating), with that owner; the runs not to touch.
     */
    public Map<String, RunOwner> liveRuns(List<String> runIds) {
        return liveness.byLiveness(runIds, false);
    }

    /**
     * Ends KILLED (MLflow's status for a run whose process died), with the current time as end time, the
     * runs among {@code runIds} that are RUNNING with a dead owner, re-checked in the write transaction;
     * returns the ids it ended. A live run (this process's, or one whose process is alive) is never ended.
     */
    public List<String> endDeadRuns(List<String> runIds) {
        return liveness.endDead(runIds);
    }

    /**
     * Applies the whole batch in one write transaction: all of it lands or, on any error (a bad key, a
     * changed param, a deleted run), none of it does. Artifacts are written inside the transaction,
     * before it commits: one that cannot be written rolls the rows back. Metrics already queued through an
     * {@link ActiveRun} of a run that this batch ends are flushed first.
     */
    @Override
    public List<String> writeRuns(List<RunWrite> writes) {
        LatheException.check(writes != null, "run writes must not be null");
        RunBatchWriter.validate(writes);
        List<String> ending = new ArrayList<>();
        for (RunWrite w : writes) {
            if (w.runId().isPresent() && w.endStatus().isPresent()) {
                ending.add(w.runId().get());
            }
        }
        writer.flush(ending);
        List<String> written = db.write(c -> {
            List<String> ids = batches.apply(c, writes);
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).create().isPresent()
                        && writes.get(i).endStatus().isEmpty()) {
                    liveness.claim(c, ids.get(i));
                }
                Map<String, byte[]> files = writes.get(i).artifacts();
                if (!files.isEmpty()) {
                    LocalArtifactRepository repo = new LocalArtifactRepository(
                            Path.of(runs.info(c, ids.get(i)).artifactUri()));
                    files.forEach(repo::write);
                }
            }
            return ids;
        });
        liveness.beatIfOwning();
        return written;
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

    @Override
    public void flush() {
        writer.flushAll();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
            liveness.close();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already running its hooks, ours included; nothing to remove.
            }
            db.close();
        }
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

    // ---- runs ----

    @Override
    public RunInfo createRun(RunSpec spec) {
        RunInfo info = db.write(c -> {
            RunInfo created = runs.create(c, spec);
            liveness.claim(c, created.runId());
            return created;
        });
        liveness.beatIfOwning();
        return info;
    }

    @Override
    public Run getRun(String runId) {
        return db.read(c -> SqliteRuns.load(c, experiments.paths(), runId));
    }

    @Override
    public void updateRunStatus(String runId, RunStatus status) {
        db.execute(c -> runs.updateStatus(c, runId, status));
    }

    @Override
    public void deleteRun(String runId) {
        db.execute(c -> runs.setStage(c, runId, LifecycleStage.DELETED));
    }

    @Override
    public void restoreRun(String runId) {
        db.execute(c -> runs.setStage(c, runId, LifecycleStage.ACTIVE));
    }

    @Override
    public void logParam(String runId, String key, String value) {
        logBatch(runId, List.of(), List.of(new Param(key, value)), List.of());
    }

    @Override
    public void logMetric(String runId, Metric metric) {
        logBatch(runId, List.of(metric), List.of(), List.of());
    }

    @Override
    public void setTag(String runId, String key, String value) {
        logBatch(runId, List.of(), List.of(), List.of(new RunTag(key, value)));
    }

    @Override
    public void deleteTag(String runId, String key) {
        db.execute(c -> runs.deleteTag(c, runId, key));
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        EntityValidator.checkBatch(metrics, params, tags);
        db.execute(c -> {
            boolean mustBeRunning = !metrics.isEmpty() || !params.isEmpty();
            runs.requireWritable(c, runId, mustBeRunning);
            data.putParams(c, runId, params);
            data.putMetrics(c, runId, metrics);
            runs.setTags(c, runId, tags);
        });
    }

    @Override
    public void logInputs(String runId, List<DatasetInput> inputs) {
        db.execute(c -> {
            RunInfo info = runs.requireWritable(c, runId, true);
            data.putInputs(c, runId, Long.parseLong(info.experimentId()), inputs);
        });
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return db.read(c -> {
            runs.info(c, runId);
            return data.history(c, runId, key);
        });
    }

    /** One grouped query over the metrics history index. */
    @Override
    public List<MetricSummary> summarizeMetrics(Collection<String> runIds, Collection<String> keys) {
        return db.read(c -> RunDataViews.summarize(c, runIds, keys));
    }

    /** Min and max per step interval read inside the database, over the covering history index. */
    @Override
    public List<Metric> sampleMetricHistory(String runId, String key, long firstStep, long lastStep, int maxPoints) {
        LatheException.check(maxPoints >= 1, "a history sample needs at least 1 point, got %d", maxPoints);
        return db.read(c -> {
            runs.info(c, runId);
            return RunDataViews.sampleHistory(c, db.dialect(), runId, key, firstStep, lastStep, maxPoints);
        });
    }

    /** From the experiment keys table that triggers keep. */
    @Override
    public KeyMatches searchKeys(String experimentId, RunDataKind kind, String contains, int maxResults) {
        LatheException.check(maxResults >= 0, "maxResults must be >= 0, got %d", maxResults);
        return db.read(c -> {
            experiments.get(c, experimentId);
            return RunDataViews.keys(c, Sql.parseId("experiment", experimentId), kind, contains, maxResults);
        });
    }

    // ---- artifacts ----

    private LocalArtifactRepository artifacts(String runId) {
        return new LocalArtifactRepository(
                Path.of(db.read(c -> runs.info(c, runId)).artifactUri()));
    }

    @Override
    public void logArtifact(String runId, String path, byte[] content) {
        writableArtifacts(runId).write(path, content);
    }

    @Override
    public void logArtifacts(String runId, Path local, String artifactPath) {
        writableArtifacts(runId).copyIn(local, artifactPath);
    }

    private LocalArtifactRepository writableArtifacts(String runId) {
        RunInfo info = db.read(c -> runs.requireWritable(c, runId, true));
        return new LocalArtifactRepository(Path.of(info.artifactUri()));
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return artifacts(runId).list(path);
    }

    @Override
    public byte[] readArtifact(String runId, String path) {
        return artifacts(runId).read(path);
    }

    @Override
    public Path downloadArtifacts(String runId, String path, Path destinationDir) {
        return artifacts(runId).download(path, destinationDir);
    }

    @Override
    public Path artifactPath(String runId, String path) {
        return artifacts(runId).resolve(path);
    }

    // ---- search and registry ----

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

    /** The queue of distributed searches' trials, in this store's database ({@link JdbcTrialQueue}). */
    @Override
    public TrialQueue trialQueue() {
        return trialQueue;
    }

    @Override
    public ModelRegistry registry() {
        return registry;
    }
}
