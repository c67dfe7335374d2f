package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded tracking store: one SQLite file {@code <root>/lathe.db} (WAL, versioned schema) plus
 * artifacts under {@code <root>/artifacts/<experiment_id>/<run_id>/artifacts}. Safe to share between
 * threads and between processes that open the same root. Open with {@link #open(Path)} or {@link
 * #openDefault()}; close it to flush pending metrics and release the file.
 */
public final class SqliteTrackingStore implements TrackingStore {
    private final Path root;
    private final Db db;
    private final ExperimentDao experiments;
    private final RunDao runs;
    private final RunDataDao data = new RunDataDao();
    private final AsyncMetricWriter writer;
    private final RunBatchWriter batches;
    private final SqliteModelRegistry registry;
    private final SqliteSearch search;
    private final Thread shutdownHook;
    private final RunLiveness liveness;
    private final SqliteTrialQueue trialQueue;
    private volatile boolean closed;

    private SqliteTrackingStore(Path root, Db db) {
        this.root = root;
        this.db = db;
        this.experiments = new ExperimentDao(new StorePaths(root), root.resolve(StoreLocation.ARTIFACTS_DIR));
        String source = System.getProperty("sun.java.command", "java").split(" ")[0];
        this.runs = new RunDao(
                experiments,
                new RunNameGenerator(new SecureRandom()),
                source,
                GitCommit.of(Path.of("").toAbsolutePath()));
        this.writer =
                new AsyncMetricWriter(new MetricSink(db, runs, data), "lathe-metric-writer-" + root.getFileName());
        this.batches = new RunBatchWriter(runs);
        this.liveness = new RunLiveness(db, runs, "lathe-heartbeat-" + root.getFileName());
        this.search = new SqliteSearch(db, experiments);
        this.trialQueue = new SqliteTrialQueue(db);
        this.registry = new SqliteModelRegistry(db, this, search, new RegistryDao(experiments.paths()));
        this.shutdownHook = new Thread(writer::close, "lathe-store-shutdown-" + root.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Opens for writing: creates the directories and the database, migrates, ensures the default experiment. */
    private static SqliteTrackingStore openWritable(Path root, List<Migration> migrations) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve(StoreLocation.ARTIFACTS_DIR));
        } catch (IOException e) {
            throw new StorageException("cannot create tracking store directory " + dir + ": " + e, e);
        }
        Db db = Db.open(dir.resolve(StoreLocation.DB_FILE));
        try {
            new SchemaMigrator(migrations).migrate(db);
            db.execute(c ->
                    new ExperimentDao(new StorePaths(dir), dir.resolve(StoreLocation.ARTIFACTS_DIR)).ensureDefault(c));
            return new SqliteTrackingStore(dir, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens (creating when absent) the store rooted at {@code root}. */
    public static SqliteTrackingStore open(Path root) {
        return openWritable(root, Schema.migrations());
    }

    /**
     * Opens the store rooted at {@code root} for reading: when its database exists at the current schema
     * it is opened read-only (SQLite's {@code mode=ro}: nothing is written, a read-only copy opens, another
     * process's write lock does not block it), and every write through this handle is an error. A store
     * that does not exist yet, or needs a migration, is opened as by {@link #open(Path)} (created, or
     * migrated) so that reading an older store keeps working; on a read-only older store that fails with
     * an error naming the file.
     */
    public static SqliteTrackingStore openForReading(Path root) {
        return openForReading(root, Schema.migrations());
    }

    static SqliteTrackingStore openForReading(Path root, List<Migration> migrations) {
        Path dir = root.toAbsolutePath().normalize();
        Path file = dir.resolve(StoreLocation.DB_FILE);
        if (!Files.isRegularFile(file)) {
            return openWritable(dir, migrations);
        }
        Db db = Db.openReadOnly(file);
        boolean current;
        try {
            current = new SchemaMigrator(migrations).pending(db) == 0;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        if (!current) {
            db.close();
            return openWritable(dir, migrations);
        }
        return new SqliteTrackingStore(dir, db);
    }

    /** {@link #openForReading(Path)} of the store at {@code lathe.store}, {@code $LATHE_STORE} or {@code ./lathe-store}. */
    public static SqliteTrackingStore openDefaultForReading() {
        return openForReading(StoreLocation.resolve(Optional.empty()));
    }

    /** Opens the store at {@code lathe.store}, {@code $LATHE_STORE} or {@code ./lathe-store}. */
    public static SqliteTrackingStore openDefault() {
        return open(StoreLocation.resolve(Optional.empty()));
    }

    /** Opens with a custom migration list (tests of the migration mechanism). */
    static SqliteTrackingStore open(Path root, List<Migration> migrations) {
        return openWritable(root, migrations);
    }

    public Path root() {
        return root;
    }

    Db db() {
        return db;
    }

    Thread shutdownHook() {
        return shutdownHook;
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
    public String location() {
        return root.toString();
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

    @Override
    public List<Metric> sampleMetricHistory(String runId, String key, long firstStep, long lastStep, int maxPoints) {
        LatheException.check(maxPoints >= 1, "a history sample needs at least 1 point, got %d", maxPoints);
        return db.read(c -> {
            runs.info(c, runId);
            return RunDataViews.sampleHistory(c, runId, key, firstStep, lastStep, maxPoints);
        });
    }

    @Override
    public List<MetricSummary> summarizeMetrics(Collection<String> runIds, Collection<String> keys) {
        return db.read(c -> RunDataViews.summarize(c, runIds, keys));
    }

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

    /** The queue of distributed searches' trials, in this store's database ({@link SqliteTrialQueue}). */
    @Override
    public TrialQueue trialQueue() {
        return trialQueue;
    }

    @Override
    public ModelRegistry registry() {
        return registry;
    }
}
