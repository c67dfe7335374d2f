package dev.lathe.tuning.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.testkit.InMemoryTracker;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The recorder group-commits: whatever queues up while the store is busy goes in the next single
 * {@link Tracker#writeRuns} call, trials spread over batches still end up complete, and a store
 * failure surfaces at close.
 */
class AsyncSearchRecorderTest {
    private static final int TRIALS = 50;

    /** Delegates to an in-memory tracker; the first writeRuns call waits until the test releases it. */
    private static final class GatedTracker implements Tracker {
        final InMemoryTracker store = new InMemoryTracker();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> batchSizes = new ArrayList<>();
        RuntimeException failWith;

        @Override
        public List<String> writeRuns(List<RunWrite> writes) {
            synchronized (this) {
                batchSizes.add(writes.size());
            }
            entered.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failWith != null) {
                throw failWith;
            }
            return store.writeRuns(writes);
        }

        @Override
        public String getOrCreateExperiment(String name) {
            return store.getOrCreateExperiment(name);
        }

        @Override
        public ActiveRun startRun(RunSpec spec) {
            return store.startRun(spec);
        }

        @Override
        public ActiveRun resumeRun(String runId) {
            return store.resumeRun(runId);
        }

        @Override
        public Run getRun(String runId) {
            return store.getRun(runId);
        }

        @Override
        public List<Run> childRuns(String parentRunId) {
            return store.childRuns(parentRunId);
        }

        @Override
        public List<Run> findRuns(RunQuery query) {
            return store.findRuns(query);
        }

        @Override
        public String location() {
            return "gated";
        }

        @Override
        public void close() {}
    }

    private static ParamSet params(int i) {
        return new ParamSet(Map.of("x", (double) i), i);
    }

    private static Trial trial(int i) {
        TreeMap<Long, Double> steps = new TreeMap<>(Map.of(0L, 10.0 - i / 10.0, 1L, 9.0 - i / 10.0));
        return new Trial(
                i,
                i % 10 == 3 ? TrialState.PRUNED : TrialState.COMPLETE,
                params(i),
                9.0 - i / 10.0,
                steps,
                Optional.empty(),
                Duration.ofMillis(i));
    }

    @Test
    void trialsQueuedWhileTheStoreIsBusyGoInOneBatch() throws InterruptedException {
        GatedTracker tracker = new GatedTracker();
        ActiveRun parent = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("e")).build());
        AsyncSearchRecorder recorder =
                new AsyncSearchRecorder(tracker, parent, "score", ParentRunLogger.bestModelFile());
        recorder.trialStarted(0, params(0));
        assertTrue(tracker.entered.await(10, TimeUnit.SECONDS), "first batch reached the store");
        recorder.intermediate(0, "rmse", 0, 10.0);
        recorder.intermediate(0, "rmse", 1, 9.0);
        recorder.trialFinished(trial(0));
        for (int i = 1; i < TRIALS; i++) {
            recorder.trialStarted(i, params(i));
            recorder.intermediate(i, "rmse", 0, 10.0 - i / 10.0);
            recorder.intermediate(i, "rmse", 1, 9.0 - i / 10.0);
            recorder.trialFinished(trial(i));
        }
        tracker.release.countDown();
        recorder.close();

        assertEquals(List.of(1, TRIALS), tracker.batchSizes, "one write for trial 0, one for everything queued");
        List<Run> children = tracker.store.childRuns(parent.runId());
        assertEquals(TRIALS, children.size());
        for (Run child : children) {
            String id = child.info().runId();
            int n = Integer.parseInt(child.data().params().get(TrialTags.NUMBER));
            assertEquals("trial-" + n, child.info().runName());
            assertEquals(RunStatus.FINISHED, child.info().status());
            assertEquals(
                    List.of(0L, 1L),
                    tracker.store.getMetricHistory(id, "rmse").stream()
                            .map(Metric::step)
                            .toList());
            assertEquals(
                    9.0 - n / 10.0,
                    tracker.store.getMetricHistory(id, "score").get(0).value());
            assertEquals(
                    2L,
                    tracker.store.getMetricHistory(id, "score").get(0).step(),
                    "after the intermediate steps: the latest");
            assertEquals(Boolean.toString(n % 10 == 3), child.data().tags().get(TrialTags.PRUNED));
        }
    }

    @Test
    void aStoreFailureIsRethrownAtClose() throws InterruptedException {
        GatedTracker tracker = new GatedTracker();
        tracker.failWith = new LatheException("disk full");
        ActiveRun parent = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("e")).build());
        AsyncSearchRecorder recorder =
                new AsyncSearchRecorder(tracker, parent, "rmse", ParentRunLogger.bestModelFile());
        recorder.trialStarted(0, params(0));
        recorder.trialFinished(trial(0));
        tracker.release.countDown();
        LatheException e = assertThrows(LatheException.class, recorder::close);
        assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("gated"), e.getMessage());
    }

    @Test
    void aTrialWhoseObjectiveLogsItsScoreGetsNoSecondOneAndTheParentLoggerSeesTheSearch() {
        InMemoryTracker tracker = new InMemoryTracker();
        ActiveRun parent = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("e")).build());
        List<String> seen = new java.util.ArrayList<>();
        AsyncSearchRecorder recorder =
                new AsyncSearchRecorder(tracker, parent, "validation_rmse", (run, trials, best, model) -> {
                    seen.add(run.runId() + " " + trials.size() + " "
                            + best.map(Trial::number).orElse(-1));
                    run.logArtifact("model/pipeline.lathe", new byte[] {1});
                });
        ActiveRun own = recorder.startTrialRun(0, params(0), true).orElseThrow().run();
        own.logMetric("validation_rmse", 9.0, 2);
        recorder.trialFinished(trial(0));
        recorder.trialStarted(1, params(1));
        recorder.trialFinished(trial(1));
        recorder.searchFinished(
                List.of(trial(0), trial(1)), Optional.of(trial(1)), "validation_rmse", "csv", Optional.empty());
        recorder.close();

        assertEquals(List.of(parent.runId() + " 2 1"), seen, "the parent logger runs once, before the end");
        Run first = tracker.childRuns(parent.runId()).get(0);
        assertEquals(
                1,
                tracker.getMetricHistory(first.info().runId(), "validation_rmse")
                        .size(),
                "the objective's score only");
        Run second = tracker.childRuns(parent.runId()).get(1);
        assertEquals(
                1,
                tracker.getMetricHistory(second.info().runId(), "validation_rmse")
                        .size(),
                "the recorder's score");
        assertEquals(RunStatus.FINISHED, tracker.getRun(parent.runId()).info().status());
        assertEquals(1, tracker.artifacts(parent.runId()).get("model/pipeline.lathe").length);
    }
}
