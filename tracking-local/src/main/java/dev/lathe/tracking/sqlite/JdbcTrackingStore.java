package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.queue.TrialQueue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tracking store over a JDBC {@link Database}, whatever its engine: experiments, runs, batches,
 * asynchronous metrics, run liveness, artifacts under local (or shared) directories, MLflow search and
 * the model registry, all written once in SQL that SQLite and PostgreSQL both run ({@link
 * dev.lathe.tracking.search.SqlDialect} for the few differences). {@link SqliteTrackingStore} opens it on
 * one SQLite file; the PostgreSQL store (module tracking-postgres) on a pool of connections.
 */
public abstract class JdbcTrackingStore extends JdbcCatalogStore {
    private final AsyncMetricWriter writer;
    private final RunWrites writes;
    private final SqliteModelRegistry registry;
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
        super(db, pathsRoot, artifactRoot);
        this.writer = new AsyncMetricWriter(new MetricSink(db, runs, data), "lathe-metric-writer-" + name);
        this.liveness = new RunLiveness(db, runs, "lathe-heartbeat-" + name);
        this.writes = new RunWrites(db, runs, data, writer, liveness, artifacts);
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
        RunInfo info = writes.reopen(runId);
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
    public List<String> writeRuns(List<RunWrite> batch) {
        return writes.batch(batch);
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

    // ---- runs ----

    @Override
    public RunInfo createRun(RunSpec spec) {
        return writes.create(spec);
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
        writes.log(runId, metrics, params, tags);
    }

    @Override
    public void logInputs(String runId, List<DatasetInput> inputs) {
        writes.inputs(runId, inputs);
    }

    // ---- search and registry ----

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
