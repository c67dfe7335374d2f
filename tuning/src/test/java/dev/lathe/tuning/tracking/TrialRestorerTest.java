package dev.lathe.tuning.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.testkit.InMemoryTracker;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRestorerTest {
    private static final long SEED = 9;

    @Test
    void restoresFinishedTrialsAndKillsUnfinishedOnesEvenWithoutParams() {
        InMemoryTracker tracker = new InMemoryTracker();
        String exp = tracker.getOrCreateExperiment("restore");
        ActiveRun parent = tracker.startRun(RunSpec.builder(exp).build());
        SearchSpace space = SearchSpace.builder()
                .intRange("depth", 1, 9)
                .uniform("lr", 0, 1)
                .build();

        ActiveRun done = child(tracker, exp, parent, 0);
        done.logParams(Map.of("depth", "7", "lr", "0.25", TrialTags.NUMBER, "0"));
        done.logMetric(TrialTags.DURATION, 1.5, 0);
        done.setTag(TrialTags.INTERMEDIATE_PREFIX + "0", "0:3.5;1:2.25");
        done.setTag(TrialTags.PRUNED, "true");
        done.setTag(TrialTags.OUTCOME, TrialTags.outcome("PRUNED", 2.25, 1));
        done.end(RunStatus.FINISHED);
        // crashed between creating the run and logging its params
        ActiveRun cut = child(tracker, exp, parent, 1);
        // crashed mid-trial
        ActiveRun running = child(tracker, exp, parent, 2);
        running.logParams(Map.of("depth", "3", "lr", "0.5", TrialTags.NUMBER, "2"));

        List<Trial> trials = TrialRestorer.restore(tracker, parent.runId(), space, SEED);
        assertEquals(1, trials.size());
        Trial t = trials.get(0);
        assertEquals(0, t.number());
        assertEquals(TrialState.PRUNED, t.state());
        assertEquals(7, t.params().getInt("depth"));
        assertEquals(0.25, t.params().getDouble("lr"), 0.0);
        assertEquals(Seeds.derive(SEED, 0, Seeds.TRAINER), t.params().seed());
        assertEquals(2.25, t.value(), 0.0);
        assertEquals(Map.of(0L, 3.5, 1L, 2.25), t.intermediateValues());
        assertEquals(1500, t.duration().toMillis());
        assertEquals(RunStatus.KILLED, tracker.getRun(cut.runId()).info().status());
        assertEquals(RunStatus.KILLED, tracker.getRun(running.runId()).info().status());
        assertTrue(tracker.getRun(done.runId()).info().status() == RunStatus.FINISHED);
    }

    private static ActiveRun child(InMemoryTracker tracker, String exp, ActiveRun parent, int number) {
        return tracker.startRun(RunSpec.builder(exp)
                .parentRunId(parent.runId())
                .tag(TrialTags.NUMBER, Integer.toString(number))
                .build());
    }
}
