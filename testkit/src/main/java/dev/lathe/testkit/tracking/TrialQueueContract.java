package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.queue.ClaimResult;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueSpec;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.core.tracking.queue.QueuedTrial;
import dev.lathe.core.tracking.queue.TrialClaim;
import dev.lathe.core.tracking.queue.TrialQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial queue of distributed searches ({@link TrialQueue}): atomic claims, one proposer per batch,
 * exactly-once completion, stale claims taken back and failed after their retries.
 */
public interface TrialQueueContract extends StoreFixture {
    Duration LONG_GRACE = Duration.ofMinutes(10);

    private static List<QueuedTrial> batch(QueueSpec spec, int batch) {
        List<QueuedTrial> out = new ArrayList<>();
        for (int n = batch * spec.batchSize(); n < batch * spec.batchSize() + spec.sizeOf(batch); n++) {
            out.add(new QueuedTrial(n, "{\"x\":" + n + "}"));
        }
        return out;
    }

    private static TrialClaim run(ClaimResult r) {
        return assertInstanceOf(ClaimResult.Run.class, r, "expected a trial to run")
                .claim();
    }

    @Test
    default void concurrentWorkersClaimEveryTrialExactlyOnce(@TempDir Path dir) throws Exception {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            QueueSpec spec = new QueueSpec(60, 60, 0);
            q.create("s", spec);
            q.enqueue("s", 0, batch(spec, 0));
            ConcurrentLinkedQueue<Integer> claimed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<ClaimResult> last = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String worker = "w" + w;
                    fs.add(pool.submit(() -> {
                        ClaimResult r;
                        while ((r = q.claim("s", worker, LONG_GRACE)) instanceof ClaimResult.Run c) {
                            claimed.add(c.claim().number());
                            assertTrue(q.complete(c.claim(), "r" + c.claim().number()));
                        }
                        last.add(r);
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(60, claimed.size(), "claims: " + claimed);
            assertEquals(60, new TreeSet<>(claimed).size(), "a trial was claimed twice: " + claimed);
            for (QueueEntry e : q.entries("s")) {
                assertEquals(QueueState.DONE, e.state());
                assertEquals(1, e.attempts());
                assertEquals("r" + e.number(), e.result().orElseThrow());
            }
            long finishes =
                    last.stream().filter(r -> r instanceof ClaimResult.Finish).count();
            assertTrue(finishes <= 1, "the finish lease went to several workers: " + last);
            if (finishes == 0) {
                assertEquals(new ClaimResult.Finish(1), q.claim("s", "w0", LONG_GRACE));
            }
            assertEquals(new ClaimResult.Wait(), q.claim("s", "w1", LONG_GRACE), "the finish lease is held");
            q.enqueue("s", 1, List.of());
            assertEquals(new ClaimResult.Finished(), q.claim("s", "w1", LONG_GRACE));
        }
    }

    @Test
    default void theNextBatchIsProposedByOneWorkerOnceTheBatchHasEnded(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            QueueSpec spec = new QueueSpec(5, 2, 0);
            q.create("s", spec);
            assertEquals(new ClaimResult.Wait(), q.claim("s", "a", LONG_GRACE), "nothing enqueued yet");
            q.enqueue("s", 0, batch(spec, 0));
            TrialClaim t0 = run(q.claim("s", "a", LONG_GRACE));
            TrialClaim t1 = run(q.claim("s", "b", LONG_GRACE));
            assertEquals(List.of(0, 1), List.of(t0.number(), t1.number()));
            assertEquals(new ClaimResult.Wait(), q.claim("s", "c", LONG_GRACE));
            assertTrue(q.complete(t0, "0"));
            assertEquals(new ClaimResult.Wait(), q.claim("s", "c", LONG_GRACE), "trial 1 still runs");
            assertTrue(q.complete(t1, "1"));
            assertEquals(new ClaimResult.Propose(1), q.claim("s", "c", LONG_GRACE));
            assertEquals(new ClaimResult.Wait(), q.claim("s", "a", LONG_GRACE), "one proposer per batch");
            assertTrue(q.holdLease("s", 1, "c"));
            assertFalse(q.holdLease("s", 1, "a"));
            q.enqueue("s", 1, batch(spec, 1));
            q.enqueue("s", 1, batch(spec, 1)); // a repeated proposal changes nothing
            TrialClaim t2 = run(q.claim("s", "a", LONG_GRACE));
            assertEquals(1, t2.batch());
            assertEquals("{\"x\":2}", t2.params());
            assertEquals(
                    List.of(0, 1, 2, 3),
                    q.entries("s").stream().map(QueueEntry::number).toList());
        }
    }

    @Test
    default void completionCountsOnceAndOnlyForTheHolder(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            QueueSpec spec = new QueueSpec(1, 1, 2);
            q.create("s", spec);
            q.enqueue("s", 0, batch(spec, 0));
            TrialClaim c = run(q.claim("s", "a", LONG_GRACE));
            TrialClaim impostor = new TrialClaim("s", c.number(), c.batch(), c.params(), c.attempt(), "b");
            assertFalse(q.complete(impostor, "bad"));
            assertFalse(q.heartbeat(impostor));
            assertTrue(q.heartbeat(c));
            assertTrue(q.complete(c, "good"));
            assertFalse(q.complete(c, "again"), "completed twice");
            assertFalse(q.heartbeat(c));
            assertEquals("good", q.entries("s").get(0).result().orElseThrow());
        }
    }

    @Test
    default void aStaleClaimIsQueuedAgainAndFailsOnceItsRetriesAreSpent(@TempDir Path dir) throws Exception {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            QueueSpec spec = new QueueSpec(1, 1, 1);
            q.create("s", spec);
            q.enqueue("s", 0, batch(spec, 0));
            Duration grace = Duration.ofMillis(100);
            TrialClaim first = run(q.claim("s", "dead-1", grace));
            String runId = newRun(store, "queue").runId();
            q.attachRun(first, runId);
            assertEquals(new ClaimResult.Wait(), q.claim("s", "live", grace), "within the grace period");
            Thread.sleep(250);
            TrialClaim second = run(q.claim("s", "live", grace));
            assertEquals(2, second.attempt());
            assertEquals(RunStatus.KILLED, store.getRun(runId).info().status(), "the stale claim's run");
            assertFalse(q.complete(first, "late"), "a taken-back claim cannot complete");
            assertFalse(q.heartbeat(first));
            Thread.sleep(250);
            assertEquals(new ClaimResult.Finish(1), q.claim("s", "third", grace));
            QueueEntry failed = q.entries("s").get(0);
            assertEquals(QueueState.FAILED, failed.state());
            assertEquals(2, failed.attempts());
            assertTrue(
                    failed.reason().orElseThrow().contains("retries exhausted"),
                    failed.reason().orElseThrow());
            assertTrue(
                    failed.reason().orElseThrow().contains("live"),
                    failed.reason().orElseThrow());
            assertFalse(q.complete(second, "late"));
        }
    }

    @Test
    default void anExpiredProposalLeaseGoesToAnotherWorker(@TempDir Path dir) throws Exception {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            QueueSpec spec = new QueueSpec(2, 1, 0);
            q.create("s", spec);
            q.enqueue("s", 0, batch(spec, 0));
            assertTrue(q.complete(run(q.claim("s", "a", LONG_GRACE)), "0"));
            Duration grace = Duration.ofMillis(100);
            assertEquals(new ClaimResult.Propose(1), q.claim("s", "dies", grace));
            Thread.sleep(250);
            assertEquals(new ClaimResult.Propose(1), q.claim("s", "b", grace));
            assertFalse(q.holdLease("s", 1, "dies"));
        }
    }

    @Test
    default void badQueueCallsNameTheSearchAndChangeNothing(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            TrialQueue q = store.trialQueue();
            assertThrows(ResourceNotFoundException.class, () -> q.claim("nope", "a", LONG_GRACE));
            QueueSpec spec = new QueueSpec(4, 2, 0);
            q.create("s", spec);
            q.create("s", spec); // same spec again: nothing happens
            assertEquals(spec, q.spec("s"));
            InvalidParameterException other =
                    assertThrows(InvalidParameterException.class, () -> q.create("s", new QueueSpec(5, 2, 0)));
            assertTrue(other.getMessage().contains("s"), other.getMessage());
            InvalidParameterException size = assertThrows(
                    InvalidParameterException.class,
                    () -> q.enqueue("s", 0, batch(spec, 0).subList(0, 1)));
            assertTrue(size.getMessage().contains("batch 0 needs 2 trials, got 1"), size.getMessage());
            assertThrows(InvalidParameterException.class, () -> q.enqueue("s", 1, batch(spec, 1)));
            assertEquals(Set.of(), Set.copyOf(q.entries("s")));
        }
    }
}
