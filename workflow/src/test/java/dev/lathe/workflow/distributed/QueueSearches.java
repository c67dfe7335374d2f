package dev.lathe.workflow.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.WorkerSettings;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialTags;
import dev.lathe.tuning.trial.Trial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The seeded search the distributed tests serve with 1, 2 or 8 workers: TPE over three parameters,
 * median pruning on ten reported steps, batches of 4, and an objective that is a pure function of its
 * params and seed (optionally slowed down so that a worker can be killed mid-trial).
 */
final class QueueSearches {
    static final int TRIALS = 20;
    static final int BATCH = 4;
    static final long SEED = 7;

    private QueueSearches() {}

    /** Worker settings for tests: a 200 ms heartbeat, 30 s grace, 5 ms polls. */
    static WorkerSettings fast(String id) {
        return WorkerSettings.defaults()
                .withWorkerId(id)
                .withHeartbeat(Duration.ofMillis(200), Duration.ofSeconds(30))
                .withPoll(Duration.ofMillis(5));
    }

    /** The same trials, one by one, as the in-process search's. */
    static void assertSameTrials(List<Trial> expected, List<Trial> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(
                    expected.get(i).sameOutcome(actual.get(i)),
                    "trial " + i + ": " + expected.get(i) + " vs " + actual.get(i));
        }
    }

    /**
     * The parent FINISHED; no child run RUNNING; each trial number has exactly one FINISHED or FAILED
     * child run; {@code killedRuns} says how many KILLED runs a trial number has; every queue entry DONE.
     */
    static void assertStoreClean(TrackingStore store, String parent, Map<Integer, Integer> killedRuns) {
        assertEquals(RunStatus.FINISHED, store.getRun(parent).info().status());
        Map<Integer, Integer> ended = new TreeMap<>();
        Map<Integer, Integer> killed = new TreeMap<>();
        for (Run child : store.childRuns(parent)) {
            int number = Integer.parseInt(child.data().tags().get(TrialTags.NUMBER));
            RunStatus status = child.info().status();
            assertFalse(status == RunStatus.RUNNING, "left RUNNING: trial " + number);
            (status == RunStatus.KILLED ? killed : ended).merge(number, 1, Integer::sum);
        }
        for (int n = 0; n < TRIALS; n++) {
            assertEquals(1, ended.getOrDefault(n, 0), "ended runs of trial " + n + ": " + ended);
        }
        assertEquals(killedRuns, killed);
        for (QueueEntry e : store.trialQueue().entries(parent)) {
            assertEquals(QueueState.DONE, e.state(), e.toString());
        }
    }

    /**
     * The number of the trial {@code worker} runs, once its trial run is open: a worker killed after
     * its claim but before it opened the run leaves no run to end KILLED (a busy machine can take longer
     * than any fixed pause between the two). Then 200 ms more for the run to be tied to the claim.
     */
    static int awaitRunningTrial(TrackingStore store, String parent, String worker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "worker " + worker + " never opened a trial run: "
                            + store.trialQueue().entries(parent));
            List<Integer> claimed = store.trialQueue().entries(parent).stream()
                    .filter(e -> e.state() == QueueState.RUNNING
                            && e.workerId().orElse("").equals(worker))
                    .map(QueueEntry::number)
                    .toList();
            for (Run child : store.childRuns(parent)) {
                String number = child.data().tags().get(TrialTags.NUMBER);
                if (child.info().status() == RunStatus.RUNNING
                        && number != null
                        && claimed.contains(Integer.parseInt(number))) {
                    Thread.sleep(200);
                    return Integer.parseInt(number);
                }
            }
            Thread.sleep(20);
        }
    }

    /** Queues the search ({@link #study}) in the store at {@code location} (a directory or a URL); its parent run id. */
    static String enqueue(String location, int maxRetries) {
        try (TrackingStore store = StoreAddress.of(location).open()) {
            return study(store, 1, 0).enqueue(maxRetries);
        }
    }

    /** {@link #assertStoreClean(TrackingStore, String, Map)} on the store at {@code location}. */
    static void assertStoreClean(String location, String parent, Map<Integer, Integer> killedRuns) {
        try (TrackingStore store = StoreAddress.of(location).open()) {
            assertStoreClean(store, parent, killedRuns);
        }
    }

    static Study study(Tracker tracker, int threads, long millisPerTrial) {
        SearchSpace space = SearchSpace.builder()
                .uniform("x", -3, 3)
                .intRange("depth", 1, 8)
                .choice("kind", List.of("a", "b", "c"))
                .build();
        return Study.builder(
                        space,
                        new TpeSampler(TpeSettings.defaults().withStartupTrials(6)),
                        objective(millisPerTrial),
                        SearchSettings.builder(TRIALS, SEED)
                                .threads(threads)
                                .batchSize(BATCH)
                                .build())
                .pruner(new MedianPruner(4, 3))
                .tracking(new SearchTracking(tracker, "distributed", "queue-search"))
                .build();
    }

    static TrialObjective objective(long millisPerTrial) {
        return trial -> {
            double x = trial.params().getDouble("x");
            int depth = trial.params().getInt("depth");
            double kind = "abc".indexOf(trial.params().getString("kind")) * 0.3;
            double noise = new SplittableRandom(trial.params().seed()).nextDouble() * 0.01;
            double value = Double.NaN;
            for (int step = 0; step < 10; step++) {
                value = (x - 1) * (x - 1) + 0.1 * depth + kind + noise + 1.0 / (step + 1);
                trial.report(step, value);
                sleep(millisPerTrial / 10);
                if (trial.shouldPrune(step)) {
                    break;
                }
            }
            return value;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
