package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.TrackingStore;
import java.util.ArrayList;
import java.util.List;

/** The per-writer workload of the concurrency tests and how to verify that nothing was lost. */
final class ConcurrencyWorkload {
    static final int SYNC_BATCHES = 5;
    static final int SYNC_BATCH_SIZE = 20;

    private ConcurrencyWorkload() {}

    /** One writer: a run tagged with its writer number, async points, sync batches, params; then FINISHED. */
    static String logOneRun(TrackingStore store, String experimentId, int writer, int points) {
        try (ActiveRun run = store.startRun(RunSpec.builder(experimentId)
                .tag("writer", Integer.toString(writer))
                .build())) {
            run.logParam("writer", Integer.toString(writer));
            for (int i = 0; i < points; i++) {
                run.logMetric("async", i, i);
            }
            for (int b = 0; b < SYNC_BATCHES; b++) {
                List<Metric> batch = new ArrayList<>();
                for (int i = 0; i < SYNC_BATCH_SIZE; i++) {
                    int step = b * SYNC_BATCH_SIZE + i;
                    batch.add(new Metric("sync", step * 0.5, System.currentTimeMillis(), step));
                }
                store.logBatch(run.runId(), batch, List.of(), List.of());
            }
            return run.runId();
        }
    }

    /** Asserts that the run holds every point the workload logged, with the right values. */
    static void verify(TrackingStore store, String runId, int points) {
        Run run = store.getRun(runId);
        assertEquals("FINISHED", run.info().status().name(), runId);
        List<Metric> async = store.getMetricHistory(runId, "async");
        assertEquals(points, async.size(), "async points of " + runId);
        for (int i = 0; i < points; i++) {
            assertEquals(i, async.get(i).step());
            assertEquals((double) i, async.get(i).value());
        }
        assertEquals(
                SYNC_BATCHES * SYNC_BATCH_SIZE,
                store.getMetricHistory(runId, "sync").size(),
                runId);
        assertEquals(run.data().tags().get("writer"), run.data().params().get("writer"));
    }
}
