package dev.lathe.tuning.tracking;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a run of {@link TrialEvent}s into one {@link RunWrite} per trial (creation with params,
 * intermediate points, the final score, tags and end) and writes them with one
 * {@link Tracker#writeRuns} call. Remembers the run id of every trial still running, so that later
 * batches add to it. Used by the recorder's single writer thread only.
 */
final class TrialBatcher {
    private final String experimentId;
    private final String parentRunId;
    private final String scoreName;
    private final Map<Integer, String> runIds = new HashMap<>();
    /** Trials whose objective logs its own per-step values (autologging): their points are not repeated. */
    private final Set<Integer> selfLogging = new HashSet<>();
    /** Trials whose objective logs its own score. */
    private final Set<Integer> scoreLogging = new HashSet<>();

    TrialBatcher(String experimentId, String parentRunId, String scoreName) {
        this.experimentId = experimentId;
        this.parentRunId = parentRunId;
        this.scoreName = scoreName;
    }

    void write(Tracker tracker, List<TrialEvent> events) {
        Map<Integer, RunWrite.Builder> writes = new LinkedHashMap<>();
        List<Integer> ending = new ArrayList<>();
        for (TrialEvent e : events) {
            if (e instanceof TrialEvent.Started s) {
                LatheException.check(
                        !runIds.containsKey(s.number()) && !writes.containsKey(s.number()),
                        "trial %d was started twice",
                        s.number());
                writes.put(s.number(), create(s));
            } else if (e instanceof TrialEvent.Opened o) {
                LatheException.check(
                        !runIds.containsKey(o.number()) && !writes.containsKey(o.number()),
                        "trial %d was started twice",
                        o.number());
                runIds.put(o.number(), o.runId());
                if (o.logsSteps()) {
                    selfLogging.add(o.number());
                }
                if (o.logsScore()) {
                    scoreLogging.add(o.number());
                }
            } else if (e instanceof TrialEvent.Point p) {
                if (!selfLogging.contains(p.number())) {
                    builder(writes, p.number()).metric(p.key(), p.value(), p.step(), p.timeMillis());
                }
            } else if (e instanceof TrialEvent.Finished f) {
                finish(builder(writes, f.trial().number()), f.trial(), f.timeMillis());
                ending.add(f.trial().number());
            } else {
                throw new LatheException("trial batcher cannot write " + e);
            }
        }
        List<Integer> numbers = new ArrayList<>(writes.keySet());
        List<RunWrite> batch = new ArrayList<>(numbers.size());
        writes.values().forEach(b -> batch.add(b.build()));
        List<String> ids = tracker.writeRuns(batch);
        LatheException.check(
                ids.size() == batch.size(), "tracker returned %d run ids for %d writes", ids.size(), batch.size());
        for (int i = 0; i < numbers.size(); i++) {
            runIds.put(numbers.get(i), ids.get(i));
        }
        ending.forEach(runIds::remove);
        ending.forEach(selfLogging::remove);
        ending.forEach(scoreLogging::remove);
    }

    private RunWrite.Builder create(TrialEvent.Started s) {
        return RunWrite.create(spec(s.number()), s.timeMillis()).params(params(s.number(), s.params()));
    }

    /** The child run of trial {@code number}: named trial-N under the search's parent, tagged with N. */
    RunSpec spec(int number) {
        return RunSpec.builder(experimentId)
                .runName("trial-" + number)
                .parentRunId(parentRunId)
                .tag(TrialTags.NUMBER, Integer.toString(number))
                .build();
    }

    /** The params a trial's run gets: its search params plus its number. */
    static Map<String, String> params(int number, ParamSet params) {
        Map<String, String> p = new LinkedHashMap<>(params.formatted());
        p.put(TrialTags.NUMBER, Integer.toString(number));
        return p;
    }

    private RunWrite.Builder builder(Map<Integer, RunWrite.Builder> writes, int number) {
        return writes.computeIfAbsent(number, n -> {
            String id = runIds.get(n);
            LatheException.check(id != null, "trial %d has events but was never started", n);
            return RunWrite.update(id);
        });
    }

    private void finish(RunWrite.Builder w, Trial trial, long timeMillis) {
        w.metric(TrialTags.DURATION, trial.duration().toNanos() / 1e9, 0, timeMillis);
        if (trial.hasValue() && !scoreLogging.contains(trial.number())) {
            // after the intermediate points, so that the score is the key's latest value
            long step = trial.intermediateValues().isEmpty()
                    ? 0
                    : trial.intermediateValues().lastKey() + 1;
            w.metric(scoreName, trial.value(), step, timeMillis);
        }
        List<String> chunks = TrialTags.encodeIntermediate(trial.intermediateValues());
        for (int i = 0; i < chunks.size(); i++) {
            w.tag(TrialTags.INTERMEDIATE_PREFIX + i, chunks.get(i));
        }
        w.tag(TrialTags.PRUNED, Boolean.toString(trial.state() == TrialState.PRUNED));
        trial.error().ifPresent(e -> {
            w.tag(TrialTags.ERROR, TrialTags.truncate(e.message(), TrialTags.MAX_ERROR));
            e.stackTrace()
                    .ifPresent(trace ->
                            w.artifact(TrialTags.STACK_TRACE_ARTIFACT, trace.getBytes(StandardCharsets.UTF_8)));
        });
        w.tag(TrialTags.OUTCOME, TrialTags.outcome(trial.state().name(), trial.value(), chunks.size()));
        w.end(trial.state() == TrialState.FAILED ? RunStatus.FAILED : RunStatus.FINISHED, timeMillis);
    }
}
