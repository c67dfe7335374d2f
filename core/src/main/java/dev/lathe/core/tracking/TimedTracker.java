package dev.lathe.core.tracking;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A {@link Tracker} that forwards every call, and every call of the runs it starts, to another tracker
 * and adds up the wall time and the count of each operation: to show how much of a job is spent in the
 * store (the demo's tracking stage, the tracking-overhead benchmark). Safe to use from many threads.
 */
public final class TimedTracker implements Tracker {
    /** Wall time and count of one operation. */
    public record CallTime(String operation, long calls, long nanos) {}

    private final Tracker delegate;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder totalNanos = new LongAdder();

    public TimedTracker(Tracker delegate) {
        this.delegate = delegate;
    }

    /** Wall time spent inside the delegate and its runs so far, all operations together. */
    public long totalNanos() {
        return totalNanos.sum();
    }

    /** Each operation called so far, by name. */
    public SortedMap<String, CallTime> calls() {
        SortedMap<String, CallTime> out = new TreeMap<>();
        nanos.forEach(
                (name, time) -> out.put(name, new CallTime(name, calls.get(name).sum(), time.sum())));
        return out;
    }

    private <T> T time(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            long spent = System.nanoTime() - start;
            calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
            nanos.computeIfAbsent(operation, k -> new LongAdder()).add(spent);
            totalNanos.add(spent);
        }
    }

    private void time(String operation, Runnable call) {
        time(operation, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public String getOrCreateExperiment(String name) {
        return time("getOrCreateExperiment", () -> delegate.getOrCreateExperiment(name));
    }

    @Override
    public ActiveRun startRun(RunSpec spec) {
        return new TimedRun(time("startRun", () -> delegate.startRun(spec)));
    }

    @Override
    public ActiveRun resumeRun(String runId) {
        return new TimedRun(time("resumeRun", () -> delegate.resumeRun(runId)));
    }

    @Override
    public List<String> writeRuns(List<RunWrite> writes) {
        return time("writeRuns", () -> delegate.writeRuns(writes));
    }

    @Override
    public Run getRun(String runId) {
        return time("getRun", () -> delegate.getRun(runId));
    }

    @Override
    public List<Run> childRuns(String parentRunId) {
        return time("childRuns", () -> delegate.childRuns(parentRunId));
    }

    @Override
    public List<Run> findRuns(RunQuery query) {
        return time("findRuns", () -> delegate.findRuns(query));
    }

    @Override
    public String location() {
        return delegate.location();
    }

    /** The delegate's queue, untimed. */
    @Override
    public dev.lathe.core.tracking.queue.TrialQueue trialQueue() {
        return delegate.trialQueue();
    }

    @Override
    public void close() {
        time("close", delegate::close);
    }

    private final class TimedRun implements ActiveRun {
        private final ActiveRun run;

        TimedRun(ActiveRun run) {
            this.run = run;
        }

        @Override
        public String runId() {
            return run.runId();
        }

        @Override
        public String experimentId() {
            return run.experimentId();
        }

        @Override
        public void logParam(String key, String value) {
            time("logParam", () -> run.logParam(key, value));
        }

        @Override
        public void logParams(Map<String, String> params) {
            time("logParams", () -> run.logParams(params));
        }

        @Override
        public void logMetric(String key, double value, long step) {
            time("logMetric", () -> run.logMetric(key, value, step));
        }

        @Override
        public void logMetrics(Map<String, Double> metrics, long step) {
            time("logMetrics", () -> run.logMetrics(metrics, step));
        }

        @Override
        public void setTag(String key, String value) {
            time("setTag", () -> run.setTag(key, value));
        }

        @Override
        public void logInput(DatasetInput input) {
            time("logInput", () -> run.logInput(input));
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            time("logArtifact", () -> run.logArtifact(path, content));
        }

        @Override
        public void flush() {
            time("flush", run::flush);
        }

        @Override
        public boolean isEnded() {
            return run.isEnded();
        }

        @Override
        public void end(RunStatus status) {
            time("end", () -> run.end(status));
        }

        @Override
        public void close() {
            time("run.close", run::close);
        }
    }
}
