package dev.lathe.testkit;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunStatus;
import java.util.Map;

/**
 * The logging handle of one {@link MemoryRun}, with the store's rules: params immutable, no logging
 * after this handle ended the run, one end only, FINISHED on close.
 */
final class MemoryRunHandle implements ActiveRun {
    private final Object lock;
    private final MemoryRun run;
    private RunStatus ended;

    MemoryRunHandle(Object lock, MemoryRun run) {
        this.lock = lock;
        this.run = run;
    }

    @Override
    public String runId() {
        return run.runId;
    }

    @Override
    public String experimentId() {
        return run.experimentId;
    }

    @Override
    public void logParam(String key, String value) {
        synchronized (lock) {
            requireOpen();
            run.logParam(key, value);
        }
    }

    @Override
    public void logParams(Map<String, String> params) {
        synchronized (lock) {
            requireOpen();
            params.forEach((k, v) -> {
                String old = run.params.get(k);
                LatheException.check(
                        old == null || old.equals(v),
                        "param '%s' of run %s is immutable: logged value '%s', new value '%s'",
                        k,
                        run.runId,
                        old,
                        v);
            });
            params.forEach(run::logParam);
        }
    }

    @Override
    public void logMetric(String key, double value, long step) {
        synchronized (lock) {
            requireOpen();
            run.logMetric(Metric.now(key, value, step));
        }
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        synchronized (lock) {
            requireOpen();
            long now = System.currentTimeMillis();
            metrics.forEach((k, v) -> run.logMetric(new Metric(k, v, now, step)));
        }
    }

    @Override
    public void setTag(String key, String value) {
        synchronized (lock) {
            requireOpen();
            LatheException.check(key != null && value != null, "tag key and value must not be null");
            run.tags.put(key, value);
        }
    }

    @Override
    public void logInput(DatasetInput input) {
        synchronized (lock) {
            requireOpen();
            run.inputs.add(input);
        }
    }

    @Override
    public void logArtifact(String path, byte[] content) {
        synchronized (lock) {
            requireOpen();
            LatheException.check(path != null && !path.isBlank(), "artifact path must not be blank");
            run.artifacts.put(path, content.clone());
        }
    }

    @Override
    public void flush() {}

    @Override
    public boolean isEnded() {
        synchronized (lock) {
            return ended != null;
        }
    }

    @Override
    public void end(RunStatus status) {
        synchronized (lock) {
            LatheException.check(
                    status != null && status.isTerminal(),
                    "a run ends with FINISHED, FAILED or KILLED, got %s",
                    status);
            LatheException.check(
                    ErrorCode.INVALID_STATE,
                    ended == null,
                    "run %s has already ended with status %s",
                    run.runId,
                    ended);
            run.end(status, System.currentTimeMillis());
            ended = status;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (ended == null) {
                end(RunStatus.FINISHED);
            }
        }
    }

    private void requireOpen() {
        LatheException.check(
                ErrorCode.INVALID_STATE,
                ended == null,
                "run %s has ended with status %s; logging to it is not allowed",
                run.runId,
                ended);
    }
}
