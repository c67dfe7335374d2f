package dev.lathe.workflow.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One seeded search served by many workers through the store's trial queue: the same trials, params and
 * scores as the in-process search with 1, 2 or 8 workers (threads, or JVMs joining late), a worker JVM
 * killed mid-trial recovered by another after the grace period, and a trial whose retries are spent
 * ending FAILED with the reason; each trial completed exactly once and nothing left RUNNING.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributedSearchTest {
    private static List<Trial> expected;

    @BeforeAll
    static void inProcess(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            expected = QueueSearches.study(store, 1, 0).run().trials();
        }
        assertTrue(expected.stream().anyMatch(t -> t.state() == TrialState.PRUNED), "the search prunes: " + expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void workerThreadsWithTheirOwnStoreHandlesGiveTheInProcessTrials(int workers, @TempDir Path dir) throws Exception {
        String parent = enqueue(dir, 2);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<SearchResult>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String id = "thread-" + w;
            results.add(pool.submit(() -> {
                try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
                    return QueueSearches.study(store, 1, 0).join(parent, QueueSearches.fast(id));
                }
            }));
        }
        for (Future<SearchResult> f : results) {
            assertSameTrials(f.get(5, TimeUnit.MINUTES).trials());
        }
        pool.shutdown();
        assertStoreClean(dir, parent, Map.of());
    }

    @Test
    void oneWorkerJvmThreadsAndAJvmJoiningLateGiveTheInProcessTrials(@TempDir Path dir) throws Exception {
        String parent = enqueue(dir, 2);
        Process first = startWorker(dir, parent, "jvm-1", 100, 2_000, 400);
        waitFor(
                dir,
                parent,
                entries -> entries.stream()
                                .filter(e -> e.state() == QueueState.DONE)
                                .count()
                        >= 4);
        Process late = startWorker(dir, parent, "jvm-2", 100, 2_000, 400);
        assertExits(first, dir, "jvm-1");
        assertExits(late, dir, "jvm-2");
        Map<Integer, QueueEntry> byNumber = entries(dir, parent);
        assertTrue(
                byNumber.values().stream()
                        .anyMatch(e -> e.workerId().orElseThrow().equals("jvm-2")),
                "the late worker ran trials: " + byNumber.values());
        assertStoreClean(dir, parent, Map.of());
        assertSameTrials(decoded(dir, parent));
    }

    @Test
    void aWorkerKilledMidTrialIsRecoveredAfterTheGracePeriodAndItsTrialCompletedOnce(@TempDir Path dir)
            throws Exception {
        String parent = enqueue(dir, 2);
        Process doomed = startWorker(dir, parent, "doomed", 100, 800, 600);
        int killed = runningTrialOf(dir, parent, "doomed");
        // its last heartbeat came shortly before the kill (every 100 ms, later when the machine is busy),
        // so the trial is taken back no sooner than the 800 ms grace after that: well after half of it
        long start = System.nanoTime();
        doomed.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            SearchResult r = QueueSearches.study(store, 1, 0)
                    .join(
                            parent,
                            QueueSearches.fast("rescuer")
                                    .withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(800)));
            assertSameTrials(r.trials());
        }
        assertTrue(
                System.nanoTime() - start >= Duration.ofMillis(800 / 2).toNanos(), "retried before the grace period");
        QueueEntry retried = entries(dir, parent).get(killed);
        assertEquals(2, retried.attempts());
        assertEquals("rescuer", retried.workerId().orElseThrow());
        assertTrue(retried.reason().isEmpty(), "a completed trial keeps no reason: " + retried);
        assertStoreClean(dir, parent, Map.of(killed, 1));
    }

    @Test
    void aTrialWhoseRetriesAreSpentEndsFailedWithTheReasonAndTheSearchStillFinishes(@TempDir Path dir)
            throws Exception {
        String parent = enqueue(dir, 0);
        Process doomed = startWorker(dir, parent, "doomed", 100, 800, 600);
        int killed = runningTrialOf(dir, parent, "doomed");
        doomed.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        SearchResult r;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            r = QueueSearches.study(store, 1, 0)
                    .join(
                            parent,
                            QueueSearches.fast("rescuer")
                                    .withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(800)));
        }
        Trial failed = r.trials().get(killed);
        assertEquals(TrialState.FAILED, failed.state());
        String reason = failed.error().orElseThrow().message();
        assertTrue(
                reason.contains("worker doomed stopped heartbeating") && reason.contains("retries exhausted"), reason);
        assertEquals(QueueSearches.TRIALS, r.trials().size());
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            assertEquals(RunStatus.FINISHED, store.getRun(parent).info().status());
            assertEquals(
                    QueueState.FAILED,
                    store.trialQueue().entries(parent).get(killed).state());
            for (Run child : store.childRuns(parent)) {
                assertFalse(child.info().status() == RunStatus.RUNNING, "left RUNNING: " + child.info());
            }
        }
    }

    private static String enqueue(Path dir, int maxRetries) {
        return QueueSearches.enqueue(dir.toString(), maxRetries);
    }

    private static void assertSameTrials(List<Trial> actual) {
        QueueSearches.assertSameTrials(expected, actual);
    }

    private static void assertStoreClean(Path dir, String parent, Map<Integer, Integer> killedRuns) {
        QueueSearches.assertStoreClean(dir.toString(), parent, killedRuns);
    }

    private static Map<Integer, QueueEntry> entries(Path dir, String parent) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            Map<Integer, QueueEntry> out = new TreeMap<>();
            store.trialQueue().entries(parent).forEach(e -> out.put(e.number(), e));
            return out;
        }
    }

    private static List<Trial> decoded(Path dir, String parent) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            // a worker that joins after the end serves nothing and reads every trial back
            return QueueSearches.study(store, 1, 0)
                    .join(parent, QueueSearches.fast("reader"))
                    .trials();
        }
    }

    /** Waits until {@code worker} holds a trial that has run for a while, and returns its number. */
    private static int runningTrialOf(Path dir, String parent, String worker) throws InterruptedException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            return QueueSearches.awaitRunningTrial(store, parent, worker);
        }
    }

    private static void waitFor(Path dir, String parent, java.util.function.Predicate<List<QueueEntry>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.test(new ArrayList<>(entries(dir, parent).values()))) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the queue: " + entries(dir, parent));
            Thread.sleep(20);
        }
    }

    private static Process startWorker(Path dir, String parent, String id, long beatMs, long graceMs, long msPerTrial)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName(),
                dir.toString(),
                parent,
                id,
                Long.toString(beatMs),
                Long.toString(graceMs),
                Long.toString(msPerTrial)));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log(dir, id).toFile())
                .start();
    }

    private static void assertExits(Process p, Path dir, String id) throws Exception {
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "worker " + id + " did not end");
        assertEquals(0, p.exitValue(), () -> "worker " + id + " failed: " + read(log(dir, id)));
    }

    private static Path log(Path dir, String id) {
        return dir.resolveSibling(dir.getFileName() + "-" + id + ".log");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
