package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MLflow's known PostgreSQL failures, as tests on a real server: many writers to one run (mlflow#24923:
 * deadlocks and duplicate keys), many worker processes' pools (mlflow#1565, optuna#1347: too many
 * connections), and a bad batch next to good data.
 */
class PostgresConcurrencyTest {
    @TempDir
    Path dir;

    /** 16 threads log 1,000-key batches (800 metrics, 100 params, 100 tags) in shuffled order to one run. */
    @Test
    void sixteenWritersOfShuffledBatchesToOneRunNeverDeadlockAndLoseNothing() throws Exception {
        int threads = 16;
        try (PostgresTrackingStore store = PostgresTrackingStore.open(PostgresTestServer.freshStoreUrl(dir))) {
            String exp = store.getOrCreateExperiment("contention");
            String runId = store.createRun(RunSpec.builder(exp).build()).runId();
            long deadlocksBefore = deadlocks();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    List<Metric> metrics = new ArrayList<>();
                    for (int k = 0; k < 800; k++) {
                        metrics.add(new Metric("m" + k, thread * 1000.0 + k, 1_000_000L + thread, thread));
                    }
                    List<Param> params = new ArrayList<>();
                    List<RunTag> tags = new ArrayList<>();
                    for (int k = 0; k < 100; k++) {
                        params.add(new Param("p" + k, "v" + k));
                        tags.add(new RunTag("t" + k, "thread" + thread));
                    }
                    Collections.shuffle(metrics, random);
                    Collections.shuffle(params, random);
                    Collections.shuffle(tags, random);
                    start.await();
                    store.logBatch(runId, metrics, params, tags);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(deadlocksBefore, deadlocks(), "PostgreSQL detected deadlocks between the writers");

            Run run = store.getRun(runId);
            assertEquals(800, run.data().latestMetrics().size());
            assertEquals(100, run.data().params().size());
            assertEquals(100, run.data().tags().size() - countSystemTags(run));
            for (int k = 0; k < 800; k += 97) {
                List<Metric> history = store.getMetricHistory(runId, "m" + k);
                assertEquals(threads, history.size(), "points of m" + k);
                assertEquals(
                        (threads - 1) * 1000.0 + k,
                        run.data().latestMetrics().get("m" + k).value());
            }
            assertEquals("v42", run.data().params().get("p42"));
        }
    }

    private static long countSystemTags(Run run) {
        return run.data().tags().keySet().stream()
                .filter(k -> k.startsWith("mlflow."))
                .count();
    }

    /** 50 stores opened at once, as 50 workers would, each logging a run: under max_connections (100). */
    @Test
    void fiftyWorkersStayUnderTheDefaultConnectionLimit() throws Exception {
        int workers = 50;
        String url = PostgresTestServer.freshStoreUrl(dir);
        try (PostgresTrackingStore first = PostgresTrackingStore.open(url)) {
            first.getOrCreateExperiment("workers");
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch opened = new CountDownLatch(workers);
        CountDownLatch counted = new CountDownLatch(1);
        List<Future<String>> runs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            runs.add(pool.submit(() -> {
                try (PostgresTrackingStore store = PostgresTrackingStore.open(url)) {
                    String exp = store.getOrCreateExperiment("workers");
                    String runId = store.createRun(RunSpec.builder(exp).build()).runId();
                    for (int step = 0; step < 5; step++) {
                        store.logMetric(runId, new Metric("loss", 1.0 / (step + 1), System.currentTimeMillis(), step));
                    }
                    store.logBatch(runId, List.of(), List.of(new Param("worker", Integer.toString(worker))), List.of());
                    store.updateRunStatus(runId, RunStatus.FINISHED);
                    opened.countDown();
                    counted.await(60, TimeUnit.SECONDS);
                    return runId;
                }
            }));
        }
        assertTrue(opened.await(120, TimeUnit.SECONDS), "the workers did not all log");
        int connections;
        int limit;
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            connections = scalar(st, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
            limit = scalar(st, "SELECT setting::int FROM pg_settings WHERE name = 'max_connections'");
        } finally {
            counted.countDown();
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : runs) {
            ids.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(100, limit, "the test server runs PostgreSQL's default max_connections");
        assertTrue(connections < limit, connections + " connections with 50 workers open");
        assertEquals(workers, ids.stream().distinct().count());
    }

    /** A batch that breaks a rule (a param changed) is refused whole; what was stored before stays. */
    @Test
    void aBadBatchLosesNothingAlreadyStored() {
        try (PostgresTrackingStore store = PostgresTrackingStore.open(PostgresTestServer.freshStoreUrl(dir))) {
            String exp = store.getOrCreateExperiment("bad-batch");
            String runId = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logBatch(
                    runId,
                    List.of(new Metric("rmse", 2.5, 10L, 0)),
                    List.of(new Param("alpha", "0.1")),
                    List.of(new RunTag("team", "a")));
            assertThrows(
                    LatheException.class,
                    () -> store.logBatch(
                            runId,
                            List.of(new Metric("rmse", 1.5, 20L, 1), new Metric("mae", 1.0, 20L, 1)),
                            List.of(new Param("beta", "2"), new Param("alpha", "0.2")),
                            List.of(new RunTag("team", "b"))));
            Run run = store.getRun(runId);
            assertEquals(2.5, run.data().latestMetrics().get("rmse").value());
            assertEquals(1, store.getMetricHistory(runId, "rmse").size());
            assertTrue(store.getMetricHistory(runId, "mae").isEmpty());
            assertEquals("0.1", run.data().params().get("alpha"));
            assertTrue(!run.data().params().containsKey("beta"));
            assertEquals("a", run.data().tags().get("team"));
        }
    }

    private static long deadlocks() throws Exception {
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
