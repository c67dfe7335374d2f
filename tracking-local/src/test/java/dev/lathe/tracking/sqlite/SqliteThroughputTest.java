package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures logging throughput (printed for the report) and checks that every point arrived. */
class SqliteThroughputTest {
    private static final int ASYNC_POINTS = 100_000;
    private static final int BATCHES = 50;
    private static final int BATCH_SIZE = 1000;

    @Test
    void asyncAndBatchThroughput(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            ActiveRun run = store.startRun(RunSpec.builder("0").build());
            long t0 = System.nanoTime();
            for (int i = 0; i < ASYNC_POINTS; i++) {
                run.logMetric("loss", 1.0 / (i + 1), i);
            }
            long t1 = System.nanoTime();
            run.flush();
            long t2 = System.nanoTime();
            assertEquals(
                    ASYNC_POINTS, store.getMetricHistory(run.runId(), "loss").size());
            System.out.printf(
                    "async: %d points queued in %.3f s (%.2f us per call), durable after %.3f s (%.0f points/s)%n",
                    ASYNC_POINTS,
                    (t1 - t0) / 1e9,
                    (t1 - t0) / 1e3 / ASYNC_POINTS,
                    (t2 - t0) / 1e9,
                    ASYNC_POINTS / ((t2 - t0) / 1e9));

            long t3 = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                List<Metric> batch = new ArrayList<>(BATCH_SIZE);
                for (int i = 0; i < BATCH_SIZE; i++) {
                    batch.add(new Metric("val", i, b, (long) b * BATCH_SIZE + i));
                }
                store.logBatch(run.runId(), batch, List.of(), List.of());
            }
            long t4 = System.nanoTime();
            assertEquals(
                    BATCHES * BATCH_SIZE,
                    store.getMetricHistory(run.runId(), "val").size());
            System.out.printf(
                    "logBatch: %d points in %.3f s (%.0f points/s)%n",
                    BATCHES * BATCH_SIZE, (t4 - t3) / 1e9, BATCHES * BATCH_SIZE / ((t4 - t3) / 1e9));
            run.close();
        }
    }
}
