package dev.lathe.testkit;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Tracker} contract kept in memory, thread-safe, for tests that need a real backend without
 * a database: it passes the same {@code TrackerContract} as the SQLite store, and lets a test read
 * back what a store keeps beyond the contract (metric histories, artifact bytes, how often params were
 * written, how often it was closed).
 */
public final class InMemoryTracker implements Tracker {
    private final String location;
    private final Map<String, String> experiments = new LinkedHashMap<>();
    private final Map<String, MemoryRun> runs = new LinkedHashMap<>();
    private int closeCount;

    /** A tracker whose {@link #location()} is {@code memory}. */
    public InMemoryTracker() {
        this("memory");
    }

    /** A tracker that reports {@code location} as where it keeps runs. */
    public InMemoryTracker(String location) {
        this.location = location;
    }

    @Override
    public synchronized String getOrCreateExperiment(String name) {
        LatheException.check(name != null && !name.isBlank(), "experiment name must not be blank, got '%s'", name);
        return experiments.computeIfAbsent(name, n -> Integer.toString(experiments.size() + 1));
    }

    /** Experiment name -> id, in creation order. */
    public synchronized Map<String, String> experiments() {
        return new LinkedHashMap<>(experiments);
    }

    @Override
    public synchronized ActiveRun startRun(RunSpec spec) {
        MemoryRun run = create(spec, System.currentTimeMillis(), runs.size() + 1, Map.of());
        runs.put(run.runId, run);
        return new MemoryRunHandle(this, run);
    }

    /** A new run numbered {@code order}; its parent may be among the {@code pending} runs of a batch. */
    private MemoryRun create(RunSpec spec, long startTime, int order, Map<String, MemoryRun> pending) {
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST,
                experiments.containsValue(spec.experimentId()),
                "no experiment with id '%s' in %s",
                spec.experimentId(),
                location);
        spec.parentRunId().filter(p -> !pending.containsKey(p)).ifPresent(this::run);
        return new MemoryRun(String.format("%032x", order), spec, order, startTime);
    }

    @Override
    public synchronized ActiveRun resumeRun(String runId) {
        MemoryRun run = run(runId);
        run.status = RunStatus.RUNNING;
        run.endTime = null;
        return new MemoryRunHandle(this, run);
    }

    @Override
    public synchronized Run getRun(String runId) {
        return run(runId).toRun();
    }

    @Override
    public synchronized List<Run> childRuns(String parentRunId) {
        run(parentRunId);
        return runs.values().stream()
                .filter(r -> parentRunId.equals(r.parentRunId))
                .map(MemoryRun::toRun)
                .toList();
    }

    @Override
    public synchronized List<Run> findRuns(RunQuery query) {
        return runs.values().stream()
                .filter(r -> r.experimentId.equals(query.experimentId()))
                .sorted(Comparator.comparingLong((MemoryRun r) -> r.startTime)
                        .thenComparingLong(r -> r.order)
                        .reversed())
                .map(MemoryRun::toRun)
                .filter(query::matches)
                .limit(query.maxResults())
                .toList();
    }

    /**
     * Checks every write against copies of the runs it touches, then swaps them in: a batch that
     * breaks a rule leaves nothing behind.
     */
    @Override
    public synchronized List<String> writeRuns(List<RunWrite> writes) {
        LatheException.check(writes != null, "run writes must not be null");
        Map<String, MemoryRun> touched = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        int created = 0;
        for (RunWrite w : writes) {
            MemoryRun run;
            if (w.create().isPresent()) {
                created++;
                run = create(w.create().get(), w.startTimeMillis(), runs.size() + created, touched);
            } else {
                String id = w.runId().orElseThrow();
                run = touched.containsKey(id) ? touched.get(id) : run(id).copy();
            }
            touched.put(run.runId, run);
            if (!w.metrics().isEmpty() || !w.params().isEmpty()) {
                LatheException.check(
                        ErrorCode.INVALID_STATE,
                        !run.status.isTerminal(),
                        "run %s has ended with status %s; logging to it is not allowed",
                        run.runId,
                        run.status);
            }
            w.params().forEach(run::logParam);
            for (RunWrite.Point p : w.metrics()) {
                run.logMetric(new Metric(p.key(), p.value(), p.timestampMillis(), p.step()));
            }
            run.tags.putAll(w.tags());
            run.artifacts.putAll(w.artifacts());
            if (w.endStatus().isPresent()) {
                run.end(w.endStatus().get(), w.endTimeMillis().getAsLong());
            }
            ids.add(run.runId);
        }
        runs.putAll(touched);
        return ids;
    }

    @Override
    public String location() {
        return location;
    }

    /** Counts the close; the runs stay readable (a test reads them back after the code under test closed). */
    @Override
    public synchronized void close() {
        closeCount++;
    }

    /** How often {@link #close()} was called. */
    public synchronized int closeCount() {
        return closeCount;
    }

    /** Every run, in start order. */
    public synchronized List<Run> runs() {
        return runs.values().stream().map(MemoryRun::toRun).toList();
    }

    /** The one run named {@code runName}; an error when there is none or more than one. */
    public synchronized Run runNamed(String runName) {
        List<Run> named = runs.values().stream()
                .filter(r -> r.runName.equals(runName))
                .map(MemoryRun::toRun)
                .toList();
        LatheException.check(named.size() == 1, "expected one run named '%s', got %d", runName, named.size());
        return named.get(0);
    }

    /** Every point of a metric in logging order (the store's own {@code getMetricHistory}). */
    public synchronized List<Metric> getMetricHistory(String runId, String key) {
        return List.copyOf(run(runId).metrics.getOrDefault(key, List.of()));
    }

    /** The datasets logged as inputs of a run. */
    public synchronized List<DatasetInput> inputs(String runId) {
        return List.copyOf(run(runId).inputs);
    }

    /** Artifact path -> bytes of a run, sorted by path. */
    public synchronized Map<String, byte[]> artifacts(String runId) {
        Map<String, byte[]> out = new TreeMap<>();
        run(runId).artifacts.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** How many param writes reached the run (a param logged twice with the same value counts twice). */
    public synchronized int paramWrites(String runId) {
        return run(runId).paramWrites;
    }

    synchronized MemoryRun run(String runId) {
        MemoryRun r = runs.get(runId);
        if (r == null) {
            throw new ResourceNotFoundException("no run with id '" + runId + "' in " + location);
        }
        return r;
    }
}
