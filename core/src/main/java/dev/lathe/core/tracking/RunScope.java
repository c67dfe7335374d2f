package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;

/**
 * A run around a block of code with MLflow's {@code with mlflow.start_run():} outcome, which Java's
 * try-with-resources cannot give (close() never sees the exception): the block returns and the run ends
 * FINISHED; anything escaping the block (exception or error) ends the run FAILED and propagates unchanged.
 * A block that ends the run itself (say KILLED) keeps that status.
 */
public final class RunScope {
    /** The code run inside the run; what it returns is handed back to the caller. */
    @FunctionalInterface
    public interface Body<T> {
        T apply(ActiveRun run);
    }

    /** The code run inside the run, returning nothing. */
    @FunctionalInterface
    public interface Action {
        void accept(ActiveRun run);
    }

    private RunScope() {}

    /** Starts a run of {@code spec} on {@code tracker}, runs {@code body} in it and ends it by its outcome. */
    public static <T> T call(Tracker tracker, RunSpec spec, Body<T> body) {
        LatheException.check(
                tracker != null && spec != null && body != null, "a run scope needs a tracker, a spec and a body");
        return within(tracker.startRun(spec), body);
    }

    /** As {@link #call(Tracker, RunSpec, Body)} for a body that returns nothing; returns the run id. */
    public static String run(Tracker tracker, RunSpec spec, Action action) {
        LatheException.check(action != null, "a run scope needs an action");
        return call(tracker, spec, run -> {
            action.accept(run);
            return run.runId();
        });
    }

    /**
     * Runs {@code body} in {@code run}, a run already open (started or resumed), and ends it FINISHED when
     * the body returns or FAILED when anything escapes it, unless the body ended it already.
     */
    public static <T> T within(ActiveRun run, Body<T> body) {
        LatheException.check(run != null && body != null, "a run scope needs a run and a body");
        T result;
        try {
            result = body.apply(run);
        } catch (RuntimeException | Error e) {
            endFailed(run, e);
            throw e;
        }
        run.close();
        return result;
    }

    private static void endFailed(ActiveRun run, Throwable cause) {
        try {
            if (!run.isEnded()) {
                run.end(RunStatus.FAILED);
            }
        } catch (RuntimeException ending) {
            cause.addSuppressed(ending);
        }
    }
}
