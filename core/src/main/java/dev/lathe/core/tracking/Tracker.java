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

    /** A human-readable description of where runs are stored (a path or URI). */
    String location();

    /** Flushes pending writes and releases resources. */
    @Override
    void close();
}
