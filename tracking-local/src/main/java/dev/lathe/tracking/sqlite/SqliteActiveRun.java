package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.tracking.validation.EntityValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The logging handle of one run: metrics go through the store's asynchronous writer (validated
 * first, so bad keys fail at the call), params, tags, inputs and artifacts are written at once.
 * Ending the run flushes its metrics first.
 */
final class SqliteActiveRun implements ActiveRun {
    private final JdbcTrackingStore store;
    private final AsyncMetricWriter writer;
    private final String runId;
    private final String experimentId;
    private final AtomicReference<RunStatus> ended = new AtomicReference<>();
    private final Set<String> validKeys = ConcurrentHashMap.newKeySet();

    SqliteActiveRun(JdbcTrackingStore store, AsyncMetricWriter writer, String runId, String experimentId) {
        this.store = store;
        this.writer = writer;
        this.runId = runId;
        this.experimentId = experimentId;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentId() {
        return experimentId;
    }

    @Override
    public void logParam(String key, String value) {
        requireOpen();
        store.logParam(runId, key, value);
    }

    @Override
    public void logParams(Map<String, String> params) {
        requireOpen();
        List<Param> list = new ArrayList<>();
        params.forEach((k, v) -> list.add(new Param(k, v)));
        store.logBatch(runId, List.of(), list, List.of());
    }

    @Override
    public void logMetric(String key, double value, long step) {
        requireOpen();
        checkKey(key);
        writer.submit(runId, Metric.now(key, value, step));
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        requireOpen();
        long now = System.currentTimeMillis();
        List<Metric> points = new ArrayList<>();
        metrics.forEach((k, v) -> points.add(new Metric(k, v, now, step)));
        points.forEach(m -> checkKey(m.key()));
        points.forEach(m -> writer.submit(runId, m));
    }

    @Override
    public void setTag(String key, String value) {
        requireOpen();
        store.logBatch(runId, List.of(), List.of(), List.of(new RunTag(key, value)));
    }

    @Override
    public void logInput(DatasetInput input) {
        requireOpen();
        store.logInputs(runId, List.of(input));
    }

    @Override
    public void logArtifact(String path, byte[] content) {
        requireOpen();
        store.logArtifact(runId, path, content);
    }

    @Override
    public void flush() {
        writer.flush(runId);
    }

    @Override
    public boolean isEnded() {
        return ended.get() != null;
    }

    @Override
    public void end(RunStatus status) {
        LatheException.check(status.isTerminal(), "a run ends with FINISHED, FAILED or KILLED, got %s", status);
        RunStatus previous = ended.get();
        LatheException.check(
                ErrorCode.INVALID_STATE, previous == null, "run %s has already ended with status %s", runId, previous);
        writer.flush(runId);
        store.updateRunStatus(runId, status);
        ended.set(status);
    }

    @Override
    public void close() {
        if (ended.get() == null) {
            end(RunStatus.FINISHED);
        }
    }

    /** Validates a metric key once per handle; the hot loop then skips the regex. */
    private void checkKey(String key) {
        if (!validKeys.contains(key)) {
            EntityValidator.checkKey("metric", key);
            validKeys.add(key);
        }
    }

    private void requireOpen() {
        RunStatus s = ended.get();
        LatheException.check(
                ErrorCode.INVALID_STATE,
                s == null,
                "run %s has ended with status %s; logging to it is not allowed",
                runId,
                s);
    }
}
