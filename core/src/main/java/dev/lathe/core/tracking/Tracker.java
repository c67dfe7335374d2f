package dev.lathe.core.tracking;

import java.util.List;

/**
 * The tracking contract that trainers' autologging, search, the JUnit extension and the workflow log
 * through and read back from: experiments by name, runs started, resumed, read, listed by parent or by
 * query, and batches of run writes. Every backend implements all of it (the embedded SQLite store in
 * {@code tracking-local}, the in-memory tracker in {@code testkit}, later PostgreSQL) and passes the
 * same contract tests; {@link TrackingStore} adds MLflow's full surface on top.
 */
public interface Tracker extends AutoCloseable {
    /** The id of the active experiment with this name, created when it does not exist. */
    String getOrCreateExperiment(String name);

    /** Starts a run (status RUNNING) and returns the handle to log into it. */
    ActiveRun startRun(RunSpec spec);

    /**
     * Re-opens a run that exists and is not deleted (for example a search's parent run after a crash)
     * so that more can be logged into it; the run's status becomes RUNNING again and its end time is
     * cleared.
     */
    ActiveRun resumeRun(String runId);

    /** The run with this id, deleted or not; {@link dev.lathe.core.ResourceNotFoundException} when there is none. */
    Run getRun(String runId);

    /** The active runs whose parent is {@code parentRunId} (search trials), oldest first. */
    List<Run> childRuns(String parentRunId);

    /**
     * The active runs that match {@code query}, most recently started first (runs started in the same
     * millisecond come in an order the backend chooses), at most {@code query.maxResults()}.
     */
    List<Run> findRuns(RunQuery query);

    /**
     * Applies a batch of run writes (creations, params, metric points with their own times, tags,
     * artifacts, ends) and returns the run id of each write, in order. The whole batch is validated and
     * applied as one unit: either all of it lands or, on any error (a bad key, a changed param, an
     * unknown or deleted run, an artifact that cannot be written), none of its runs, params, metrics or
     * tags do.
     */
    List<String> writeRuns(List<RunWrite> writes);

    /**
     * The queue of trials that worker processes claim to serve a distributed search, held in this store (see
     * {@link dev.lathe.core.tracking.queue.TrialQueue});
     * an {@link dev.lathe.core.InvalidStateException} for a backend that keeps none.
     */
    default dev.lathe.core.tracking.queue.TrialQueue trialQueue() {
        throw new dev.lathe.core.InvalidStateException(
                "tracking store " + location() + " keeps no trial queue; distributed search needs one");
    }

    /** A human-readable description of where runs are stored (a path or URI). */
    String location();

    /** Flushes pending writes and releases resources. */
    @Override
    void close();
}
