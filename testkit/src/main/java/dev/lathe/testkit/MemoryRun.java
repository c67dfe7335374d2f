package dev.lathe.testkit;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunData;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunInputs;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The mutable state of one run of an {@link InMemoryTracker}, guarded by the tracker's lock. */
final class MemoryRun {
    /** MLflow's latest point of a metric: the one with the highest (step, timestamp, value). */
    private static final Comparator<Metric> LATER = Comparator.comparingLong(Metric::step)
            .thenComparingLong(Metric::timestamp)
            .thenComparingDouble(Metric::value);

    final String runId;
    final String experimentId;
    final String runName;
    final String parentRunId;
    final int order;
    final long startTime;
    RunStatus status = RunStatus.RUNNING;
    Long endTime;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, List<Metric>> metrics = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<DatasetInput> inputs = new ArrayList<>();
    final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    int paramWrites;

    MemoryRun(String runId, RunSpec spec, int order, long startTime) {
        this(
                runId,
                spec.experimentId(),
                spec.runName().orElse("run-" + order),
                spec.parentRunId().orElse(null),
                order,
                startTime);
        tags.put(MlflowTags.RUN_NAME, runName);
        tags.put(MlflowTags.USER, System.getProperty("user.name"));
        spec.parentRunId().ifPresent(p -> tags.put(MlflowTags.PARENT_RUN_ID, p));
        spec.description().ifPresent(d -> tags.put(MlflowTags.NOTE, d));
        tags.putAll(spec.tags());
    }

    private MemoryRun(
            String runId, String experimentId, String runName, String parentRunId, int order, long startTime) {
        this.runId = runId;
        this.experimentId = experimentId;
        this.runName = runName;
        this.parentRunId = parentRunId;
        this.order = order;
        this.startTime = startTime;
    }

    /** A deep copy, for a batch that must not change anything until all of it is valid. */
    MemoryRun copy() {
        MemoryRun c = new MemoryRun(runId, experimentId, runName, parentRunId, order, startTime);
        c.status = status;
        c.endTime = endTime;
        c.params.putAll(params);
        metrics.forEach((k, v) -> c.metrics.put(k, new ArrayList<>(v)));
        c.tags.putAll(tags);
        c.inputs.addAll(inputs);
        c.artifacts.putAll(artifacts);
        c.paramWrites = paramWrites;
        return c;
    }

    void logParam(String key, String value) {
        LatheException.check(key != null && value != null, "param key and value must not be null");
        String old = params.get(key);
        LatheException.check(
                old == null || old.equals(value),
                "param '%s' of run %s is immutable: logged value '%s', new value '%s'",
                key,
                runId,
                old,
                value);
        params.put(key, value);
        paramWrites++;
    }

    void logMetric(Metric m) {
        metrics.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
    }

    void end(RunStatus s, long time) {
        LatheException.check(s != null && s.isTerminal(), "a run ends with FINISHED, FAILED or KILLED, got %s", s);
        status = s;
        endTime = time;
    }

    Run toRun() {
        RunInfo info = new RunInfo(
                runId,
                experimentId,
                runName,
                System.getProperty("user.name"),
                status,
                startTime,
                endTime == null ? OptionalLong.empty() : OptionalLong.of(endTime),
                LifecycleStage.ACTIVE,
                "memory:/" + experimentId + "/" + runId + "/artifacts",
                "memory",
                Optional.empty(),
                Optional.ofNullable(parentRunId),
                OptionalLong.empty());
        TreeMap<String, Metric> latest = new TreeMap<>();
        metrics.forEach((k, points) -> latest.put(k, points.stream().max(LATER).orElseThrow()));
        return new Run(info, new RunData(latest, new TreeMap<>(params), new TreeMap<>(tags)), new RunInputs(inputs));
    }
}
