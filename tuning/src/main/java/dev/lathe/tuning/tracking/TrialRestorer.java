package dev.lathe.tuning.tracking;

import dev.lathe.core.LatheException;
import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tuning.space.Distribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialError;
import dev.lathe.tuning.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an interrupted search back from its tracker: finished trial runs (FINISHED or FAILED with a
 * recorded state) become {@link Trial}s exactly as logged; runs still RUNNING (the process died) are
 * ended KILLED so that the search runs them again; KILLED runs are ignored.
 */
public final class TrialRestorer {
    private TrialRestorer() {}

    /** The finished trials under {@code parentRunId}, by number; marks unfinished ones KILLED. */
    public static List<Trial> restore(Tracker tracker, String parentRunId, SearchSpace space, long searchSeed) {
        Map<Integer, Trial> byNumber = new TreeMap<>();
        for (Run run : tracker.childRuns(parentRunId)) {
            Map<String, String> tags = run.data().tags();
            RunStatus status = run.info().status();
            // the tag is written with the run itself; the params follow in a second write that a
            // crash can cut off, so an unfinished trial may have the tag and no params
            String numberText =
                    tags.getOrDefault(TrialTags.NUMBER, run.data().params().get(TrialTags.NUMBER));
            if (numberText == null) {
                continue;
            }
            boolean recorded = tags.containsKey(TrialTags.OUTCOME);
            if ((status == RunStatus.FINISHED || status == RunStatus.FAILED) && recorded) {
                int number = Integer.parseInt(numberText);
                byNumber.putIfAbsent(number, toTrial(run, number, space, searchSeed));
            } else if (!status.isTerminal()) {
                tracker.resumeRun(run.info().runId()).end(RunStatus.KILLED);
            }
        }
        return new ArrayList<>(byNumber.values());
    }

    static Trial toTrial(Run run, int number, SearchSpace space, long searchSeed) {
        String runId = run.info().runId();
        Map<String, String> tags = run.data().tags();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            String text = run.data().params().get(e.getKey());
            LatheException.check(text != null, "trial run %s (trial %d) has no param '%s'", runId, number, e.getKey());
            values.put(e.getKey(), e.getValue().parse(text));
        }
        ParamSet params = new ParamSet(values, Seeds.derive(searchSeed, number, Seeds.TRAINER));
        String[] outcome = TrialTags.parseOutcome(tags.get(TrialTags.OUTCOME), runId);
        TrialState state = TrialState.valueOf(outcome[0]);
        Metric seconds = run.data().latestMetrics().get(TrialTags.DURATION);
        Duration duration = seconds == null ? Duration.ZERO : Duration.ofNanos((long) (seconds.value() * 1e9));
        return new Trial(
                number,
                state,
                params,
                Double.parseDouble(outcome[1]),
                TrialTags.decodeIntermediate(tags, Integer.parseInt(outcome[2]), runId),
                Optional.ofNullable(tags.get(TrialTags.ERROR)).map(TrialError::message),
                duration);
    }
}
