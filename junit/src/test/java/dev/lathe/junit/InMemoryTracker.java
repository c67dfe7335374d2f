package dev.lathe.junit;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSnapshot;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A test double of a tracking backend that keeps everything in memory and can read runs back. */
final class InMemoryTracker implements Tracker, RunHistory {
    private final String location;
    private final Map<String, String> experiments = new TreeMap<>();
    private final List<StoredRun> runs = new ArrayList<>();
    private int closed;

    InMemoryTracker(String location) {
        this.location = location;
    }

    @Override
    public synchronized String getOrCreateExperiment(String name) {
        return experiments.computeIfAbsent(name, n -> Integer.toString(experiments.size() + 1));
    }

    /** Experiment name -> id. */
    synchronized Map<String, String> experiments() {
        return new TreeMap<>(experiments);
    }

    @Override
    public synchronized ActiveRun startRun(RunSpec spec) {
        StoredRun run = new StoredRun(
                String.format("%032x", runs.size() + 1),
                spec.experimentId(),
                spec.runName().orElse("run-" + (runs.size() + 1)),
                runs.size());
        run.tags.putAll(spec.tags());
        runs.add(run);
        return run;
    }

    /** Every run, in start order. */
    synchronized List<RunSnapshot> runs() {
        return runs.stream().map(StoredRun::snapshot).toList();
    }

    synchronized RunSnapshot run(String name) {
        List<RunSnapshot> named =
                runs().stream().filter(r -> r.runName().equals(name)).toList();
        LatheException.check(named.size() == 1, "expected one run named %s, got %d", name, named.size());
        return named.get(0);
    }

    @Override
    public synchronized RunSnapshot getRunSnapshot(String runId) {
        return runs.stream()
                .filter(r -> r.runId.equals(runId))
                .findFirst()
                .orElseThrow(() -> new LatheException("no run " + runId))
                .snapshot();
    }

    @Override
    public synchronized Optional<RunSnapshot> lastFinishedRun(
            String experimentId, String tagKey, String tagValue, String excludeRunId) {
        return runs.stream()
                .filter(r -> r.experimentId.equals(experimentId)
                        && r.status == RunStatus.FINISHED
                        && tagValue.equals(r.tags.get(tagKey))
                        && !r.runId.equals(excludeRunId))
                .max(Comparator.comparingInt(r -> r.order))
                .map(StoredRun::snapshot);
    }

    @Override
    public String location() {
        return location;
    }

    synchronized int closeCount() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed++;
    }

    /** One run's state; the handle the extension logs through. */
    private final class StoredRun implements ActiveRun {
        final String runId;
        final String experimentId;
        final String name;
        final int order;
        final Map<String, String> params = new TreeMap<>();
        final Map<String, Double> metrics = new HashMap<>();
        final Map<String, String> tags = new TreeMap<>();
        RunStatus status = RunStatus.RUNNING;

        StoredRun(String runId, String experimentId, String name, int order) {
            this.runId = runId;
            this.experimentId = experimentId;
            this.name = name;
            this.order = order;
        }

        RunSnapshot snapshot() {
            synchronized (InMemoryTracker.this) {
                return new RunSnapshot(runId, name, status, Optional.empty(), params, metrics, tags);
            }
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
            synchronized (InMemoryTracker.this) {
                String old = params.putIfAbsent(key, value);
                LatheException.check(old == null || old.equals(value), "param %s changed", key);
            }
        }

        @Override
        public void logParams(Map<String, String> p) {
            p.forEach(this::logParam);
        }

        @Override
        public void logMetric(String key, double value, long step) {
            synchronized (InMemoryTracker.this) {
                metrics.put(key, value);
            }
        }

        @Override
        public void logMetrics(Map<String, Double> m, long step) {
            m.forEach((k, v) -> logMetric(k, v, step));
        }

        @Override
        public void setTag(String key, String value) {
            synchronized (InMemoryTracker.this) {
                tags.put(key, value);
            }
        }

        @Override
        public void logInput(DatasetInput input) {}

        @Override
        public void logArtifact(String path, byte[] content) {}

        @Override
        public void flush() {}

        @Override
        public void end(RunStatus s) {
            synchronized (InMemoryTracker.this) {
                LatheException.check(status == RunStatus.RUNNING, "run %s ended twice", runId);
                status = s;
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryTracker.this) {
                if (status == RunStatus.RUNNING) {
                    status = RunStatus.FINISHED;
                }
            }
        }
    }
}
