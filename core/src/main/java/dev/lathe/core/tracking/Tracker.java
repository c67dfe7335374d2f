package dev.lathe.core.tracking;

/**
 * The small tracking interface that trainers, search and examples log through. A backend (the
 * embedded SQLite store in {@code tracking-local}, later others) implements it; nothing outside the
 * backend depends on its internals.
 */
public interface Tracker extends AutoCloseable {
    /** The id of the experiment with this name, created when it does not exist. */
    String getOrCreateExperiment(String name);

    /** Starts a run (status RUNNING) and returns the handle to log into it. */
    ActiveRun startRun(RunSpec spec);

    /**
     * Re-opens a run that exists already (for example a search's parent run after a crash) so that
     * more can be logged into it; the run's status becomes RUNNING again.
     */
    default ActiveRun resumeRun(String runId) {
        throw new dev.lathe.core.LatheException(getClass().getName() + " cannot resume runs");
    }

    /** The run with this id. */
    default RunSnapshot getRunSnapshot(String runId) {
        throw new dev.lathe.core.LatheException(getClass().getName() + " cannot read runs back");
    }

    /** The runs whose parent is {@code parentRunId} (search trials), oldest first. */
    default java.util.List<RunSnapshot> childRuns(String parentRunId) {
        throw new dev.lathe.core.LatheException(getClass().getName() + " cannot list child runs");
    }

    /**
     * Runs of one experiment (active ones) matching an MLflow filter string such as
     * {@code "tags.`lathe.test` = 'x' and attributes.status = 'FINISHED'"}, in MLflow's order-by syntax
     * ({@code "attributes.start_time DESC"}), at most {@code maxResults}.
     */
    default java.util.List<RunSnapshot> searchRuns(
            String experimentId, String filter, java.util.List<String> orderBy, int maxResults) {
        throw new dev.lathe.core.LatheException(getClass().getName() + " cannot search runs");
    }

    /** A human-readable description of where runs are stored (a path or URI). */
    String location();

    /** Flushes pending writes and releases resources. */
    @Override
    void close();
}
