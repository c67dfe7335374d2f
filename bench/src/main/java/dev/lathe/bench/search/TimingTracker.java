package dev.lathe.bench.search;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Wraps a {@link Tracker} and adds up the wall time and count of every call, to show where store time goes. */
final class TimingTracker implements Tracker {
    private final Tracker delegate;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    TimingTracker(Tracker delegate) {
        this.delegate = delegate;
    }

    private <T> T time(String name, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.computeIfAbsent(name, k -> new LongAdder()).add(System.nanoTime() - start);
            calls.computeIfAbsent(name, k -> new LongAdder()).increment();
        }
    }

    private void timeRun(String name, Runnable call) {
        time(name, () -> {
            call.run();
            return null;
        });
    }

    /** One line per call: count, total ms, mean ms per call. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        for (String name : new TreeMap<>(nanos).keySet()) {
            long n = calls.get(name).sum();
            double ms = nanos.get(name).sum() / 1e6;
            sb.append(String.format(
                    Locale.ROOT, "  %-22s %6d calls %9.1f ms total %7.3f ms/call%n", name, n, ms, ms / n));
        }
        LongAdder batched = calls.get("writeRuns.runs");
        if (batched != null) {
            sb.append(String.format(Locale.ROOT, "  %-22s %6d run writes in those batches%n", "", batched.sum()));
        }
        return sb.toString();
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
        calls.computeIfAbsent("writeRuns.runs", k -> new LongAdder()).add(writes.size());
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

    @Override
    public void close() {
        delegate.close();
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
            timeRun("logParam", () -> run.logParam(key, value));
        }

        @Override
        public void logParams(Map<String, String> params) {
            timeRun("logParams", () -> run.logParams(params));
        }

        @Override
        public void logMetric(String key, double value, long step) {
            timeRun("logMetric", () -> run.logMetric(key, value, step));
        }

        @Override
        public void logMetrics(Map<String, Double> metrics, long step) {
            timeRun("logMetrics", () -> run.logMetrics(metrics, step));
        }

        @Override
        public void setTag(String key, String value) {
            timeRun("setTag", () -> run.setTag(key, value));
        }

        @Override
        public void logInput(DatasetInput input) {
            timeRun("logInput", () -> run.logInput(input));
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            timeRun("logArtifact", () -> run.logArtifact(path, content));
        }

        @Override
        public void flush() {
            timeRun("flush", run::flush);
        }

        @Override
        public void end(RunStatus status) {
            timeRun("end", () -> run.end(status));
        }

        @Override
        public void close() {
            timeRun("close", run::close);
        }
    }
}
