package dev.lathe.core.tracking;

import java.util.Map;

/**
 * A run being logged. Params are immutable once logged (same value again is fine, a different value
 * is an error); metrics keep their full history of (value, timestamp, step); tags are mutable.
 * Closing the handle ends the run FINISHED unless it was ended already.
 *
 * <p>Outcome rule (MLflow's {@code with mlflow.start_run():}): a run whose code throws ends FAILED and
 * the exception propagates unchanged. Java's try-with-resources cannot see the exception in {@link
 * #close()}, so run such code through {@link RunScope} (start, body, FINISHED or FAILED), or end the
 * run FAILED in a {@code catch} before the block closes; a bare try-with-resources ends it FINISHED.
 */
public interface ActiveRun extends AutoCloseable {
    String runId();

    String experimentId();

    void logParam(String key, String value);

    /** Logs several params in one batch. */
    void logParams(Map<String, String> params);

    /** Logs one metric point with the current wall-clock time. */
    void logMetric(String key, double value, long step);

    /** Logs several metrics at one step in one batch. */
    void logMetrics(Map<String, Double> metrics, long step);

    void setTag(String key, String value);

    /** Records a dataset used by this run. */
    void logInput(DatasetInput input);

    /** Stores {@code content} as an artifact at the relative {@code path} under the run's artifact location. */
    void logArtifact(String path, byte[] content);

    /** Waits until everything logged so far is durable. */
    void flush();

    /** True once this handle ended the run (by {@link #end} or {@link #close}). */
    boolean isEnded();

    /** Ends the run with a terminal status. */
    void end(RunStatus status);

    /** Ends the run FINISHED if it is still running. */
    @Override
    void close();
}
