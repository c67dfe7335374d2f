package dev.lathe.testkit;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSnapshot;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test fake: a thread-safe, map-based {@link Tracker} keeping every run in memory. */
public final class InMemoryTracker implements Tracker {
    /** A metric point as logged. */
    public record Point(double value, long step) {}

    /** Everything logged to one run. */
    public static final class Run {
        public final String runId;
        public final String experimentId;
        public final String runName;
        public final String parentRunId;
        public RunStatus status = RunStatus.RUNNING;
        public final Map<String, String> params = new LinkedHashMap<>();
        public final Map<String, List<Point>> metrics = new LinkedHashMap<>();
        public final Map<String, String> tags = new LinkedHashMap<>();
        public final List<DatasetInput> inputs = new ArrayList<>();
        public final Map<String, byte[]> artifacts = new LinkedHashMap<>();
        public int paramWrites;

        Run(String runId, String experimentId, String runName, String parentRunId) {
            this.runId = runId;
            this.experimentId = experimentId;
            this.runName = runName;
            this.parentRunId = parentRunId;
        }
    }

    private final Map<String, String> experiments = new HashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private int nextId;

    @Override
    public synchronized String getOrCreateExperiment(String name) {
        return experiments.computeIfAbsent(name, n -> "exp-" + experiments.size());
    }

    @Override
    public synchronized ActiveRun startRun(RunSpec spec) {
        String id = "run-" + nextId++;
        Run r = new Run(
                id,
                spec.experimentId(),
                spec.runName().orElse(id),
                spec.parentRunId().orElse(null));
        r.tags.putAll(spec.tags());
        runs.put(id, r);
        return new Handle(r);
    }

    @Override
    public synchronized ActiveRun resumeRun(String runId) {
        Run r = run(runId);
        r.status = RunStatus.RUNNING;
        return new Handle(r);
    }

    @Override
    public synchronized RunSnapshot getRunSnapshot(String runId) {
        return snapshot(run(runId));
    }

    @Override
    public synchronized List<RunSnapshot> childRuns(String parentRunId) {
        run(parentRunId);
        List<RunSnapshot> out = new ArrayList<>();
        for (Run r : runs.values()) {
            if (parentRunId.equals(r.parentRunId)) {
                out.add(snapshot(r));
            }
        }
        return out;
    }

    public synchronized Run run(String runId) {
        Run r = runs.get(runId);
        LatheException.check(r != null, "no run %s", runId);
        return r;
    }

    public synchronized List<Run> children(String parentRunId) {
        return runs.values().stream()
                .filter(r -> parentRunId.equals(r.parentRunId))
                .toList();
    }

    public synchronized List<Run> runs() {
        return List.copyOf(runs.values());
    }

    private static RunSnapshot snapshot(Run r) {
        Map<String, Double> latest = new TreeMap<>();
        r.metrics.forEach((k, pts) -> latest.put(k, pts.get(pts.size() - 1).value()));
        return new RunSnapshot(
                r.runId, r.runName, r.status, Optional.ofNullable(r.parentRunId), r.params, latest, r.tags);
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public void close() {}

    private final class Handle implements ActiveRun {
        private final Run r;
        private boolean ended;

        Handle(Run r) {
            this.r = r;
        }

        @Override
        public String runId() {
            return r.runId;
        }

        @Override
        public String experimentId() {
            return r.experimentId;
        }

        @Override
        public void logParam(String key, String value) {
            synchronized (InMemoryTracker.this) {
                requireOpen();
                String old = r.params.get(key);
                LatheException.check(
                        old == null || old.equals(value),
                        "param %s of run %s is '%s', cannot change to '%s'",
                        key,
                        r.runId,
                        old,
                        value);
                r.params.put(key, value);
                r.paramWrites++;
            }
        }

        @Override
        public void logParams(Map<String, String> params) {
            params.forEach(this::logParam);
        }

        @Override
        public void logMetric(String key, double value, long step) {
            synchronized (InMemoryTracker.this) {
                requireOpen();
                r.metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(new Point(value, step));
            }
        }

        @Override
        public void logMetrics(Map<String, Double> metrics, long step) {
            metrics.forEach((k, v) -> logMetric(k, v, step));
        }

        @Override
        public void setTag(String key, String value) {
            synchronized (InMemoryTracker.this) {
                requireOpen();
                r.tags.put(key, value);
            }
        }

        @Override
        public void logInput(DatasetInput input) {
            synchronized (InMemoryTracker.this) {
                requireOpen();
                r.inputs.add(input);
            }
        }

        @Override
        public void logArtifact(String path, byte[] content) {
            synchronized (InMemoryTracker.this) {
                requireOpen();
                r.artifacts.put(path, content.clone());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void end(RunStatus status) {
            synchronized (InMemoryTracker.this) {
                LatheException.check(status.isTerminal(), "end needs a terminal status, got %s", status);
                requireOpen();
                r.status = status;
                ended = true;
            }
        }

        @Override
        public void close() {
            if (!ended) {
                end(RunStatus.FINISHED);
            }
        }

        private void requireOpen() {
            LatheException.check(!ended, "run %s has ended", r.runId);
        }
    }
}
