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

    /**
     * Applies a batch of run writes (creations, params, metric points, tags, ends) and returns the run
     * id of each write, in order. Stores with transactions apply the whole batch in one and either all
     * of it lands or none of it does; this default goes through {@link #startRun}/{@link #resumeRun}
     * one write at a time, so metric points carry the time of writing, not their own, and an update
     * of a run that had ended leaves it RUNNING unless the write ends it again.
     */
    default java.util.List<String> writeRuns(java.util.List<RunWrite> writes) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (RunWrite w : writes) {
            ActiveRun run = w.create().isPresent()
                    ? startRun(w.create().get())
                    : resumeRun(w.runId().orElseThrow());
            if (!w.params().isEmpty()) {
                run.logParams(w.params());
            }
            for (RunWrite.Point p : w.metrics()) {
                run.logMetric(p.key(), p.value(), p.step());
            }
            w.tags().forEach(run::setTag);
            w.endStatus().ifPresent(run::end);
            ids.add(run.runId());
        }
        return ids;
    }

    /** A human-readable description of where runs are stored (a path or URI). */
    String location();

    /** Flushes pending writes and releases resources. */
    @Override
    void close();
}
