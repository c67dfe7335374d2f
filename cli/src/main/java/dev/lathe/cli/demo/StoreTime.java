package dev.lathe.cli.demo;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Adds up the wall time spent inside a tracker and its runs, for the demo's {@link DemoStage#TRACKING}. */
final class StoreTime {
    private long nanos;

    long nanos() {
        return nanos;
    }

    Tracker wrap(Tracker tracker) {
        return new TimedTracker(tracker);
    }

    private <T> T time(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private void time(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    private final class TimedTracker implements Tracker {
        private final Tracker delegate;

        TimedTracker(Tracker delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getOrCreateExperiment(String name) {
            return time(() -> delegate.getOrCreateExperiment(name));
        }

        @Override
        public ActiveRun startRun(RunSpec spec) {
            return new TimedRun(time(() -> delegate.startRun(spec)));
        }

        @Override
        public ActiveRun resumeRun(String runId) {
            return new TimedRun(time(() -> delegate.resumeRun(runId)));
        }

        @Override
        public Run getRun(String runId) {
            return time(() -> delegate.getRun(runId));
        }

        @Override
        public List<Run> childRuns(String parentRunId) {
            return time(() -> delegate.childRuns(parentRunId));
        }

        @Override
        public List<Run> findRuns(RunQuery query) {
            return time(() -> delegate.findRuns(query));
        }

        @Override
        public List<String> writeRuns(List<RunWrite> writes) {
            return time(() -> delegate.writeRuns(writes));
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void close() {
            time(delegate::close);
        }
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
            time(() -> run.logParam(key, value));
        }

        @Override
        public void logParams(Map<String, String> params) {
            time(() -> run.logParams(params));
        }

        @Override
        public void logMetric(String key, double value, long step) {
            time(() -> run.logMetric(key, value, step));
        }

        @Override
        public void logMetrics(Map<String, Double> metrics, long step) {
            time(() -> run.logMetrics(metrics, step));
        }

        @Override
        public void setTag(String key, String value) {
            time(() -> run.setTag(key, value));
        }

        @Override
        public void logInput(DatasetInput input) {
            time(() -> run.logInput(input));
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            time(() -> run.logArtifact(path, content));
        }

        @Override
        public void flush() {
            time(run::flush);
        }

        @Override
        public void end(RunStatus status) {
            time(() -> run.end(status));
        }

        @Override
        public void close() {
            time(run::close);
        }
    }
}
