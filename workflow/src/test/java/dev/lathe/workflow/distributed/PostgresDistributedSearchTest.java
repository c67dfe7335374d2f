package dev.lathe.workflow.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.tracking.postgres.PostgresTestServer;
import dev.lathe.tracking.postgres.PostgresTrackingStore;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.trial.Trial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded distributed search on a real PostgreSQL: served by 2 worker threads (each with its own store
 * and connection pool) it gives the trials, params and scores of the in-process search on SQLite; a
 * worker JVM killed mid-trial is recovered by another worker after the grace period, its trial completed
 * once; nothing is left RUNNING.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresDistributedSearchTest {
    private static List<Trial> expected;

    @BeforeAll
    static void inProcess(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            expected = QueueSearches.study(store, 1, 0).run().trials();
        }
    }

    @Test
    void twoWorkerThreadsGiveTheInProcessTrials(@TempDir Path dir) throws Exception {
        String url = PostgresTestServer.freshStoreUrl(dir);
        String parent = QueueSearches.enqueue(url, 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SearchResult>> results = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String id = "thread-" + w;
                results.add(pool.submit(() -> {
                    try (PostgresTrackingStore store = PostgresTrackingStore.open(url)) {
                        return QueueSearches.study(store, 1, 0).join(parent, QueueSearches.fast(id));
                    }
                }));
            }
            for (Future<SearchResult> f : results) {
                assertSameTrials(f.get(5, TimeUnit.MINUTES).trials());
            }
        } finally {
            pool.shutdown();
        }
        QueueSearches.assertStoreClean(url, parent, Map.of());
    }

    @Test
    void aWorkerJvmKilledMidTrialIsRecoveredAndItsTrialCompletedOnce(@TempDir Path dir) throws Exception {
        String url = PostgresTestServer.freshStoreUrl(dir);
        String parent = QueueSearches.enqueue(url, 2);
        Process doomed = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkerMain.class.getName(),
                        url,
                        parent,
                        "doomed",
                        "100",
                        "800",
                        "600")
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolveSibling(dir.getFileName() + "-doomed.log").toFile())
                .start();
        int killed;
        try (PostgresTrackingStore store = PostgresTrackingStore.open(url)) {
            killed = QueueSearches.awaitRunningTrial(store, parent, "doomed");
            doomed.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            SearchResult r = QueueSearches.study(store, 1, 0)
                    .join(
                            parent,
                            QueueSearches.fast("rescuer")
                                    .withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(800)));
            assertSameTrials(r.trials());
            QueueEntry retried = store.trialQueue().entries(parent).get(killed);
            assertEquals(2, retried.attempts(), retried.toString());
            assertEquals("rescuer", retried.workerId().orElseThrow());
        }
        QueueSearches.assertStoreClean(url, parent, Map.of(killed, 1));
    }

    private static void assertSameTrials(List<Trial> actual) {
        QueueSearches.assertSameTrials(expected, actual);
    }
}
