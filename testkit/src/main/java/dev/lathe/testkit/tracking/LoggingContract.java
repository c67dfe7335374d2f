package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Params (immutable), metrics (history, latest, NaN and infinities), tags, inputs, ended runs. */
public interface LoggingContract extends StoreFixture {

    @Test
    default void paramsAreImmutable(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            store.logParam(id, "alpha", "0.1");
            store.logParam(id, "alpha", "0.1");
            LatheException e = assertThrows(LatheException.class, () -> store.logParam(id, "alpha", "0.2"));
            assertTrue(e.getMessage().contains("'alpha'"), e.getMessage());
            assertTrue(e.getMessage().contains("'0.1'") && e.getMessage().contains("'0.2'"), e.getMessage());
            assertEquals(Map.of("alpha", "0.1"), store.getRun(id).data().params());
        }
    }

    @Test
    default void metricHistoryKeepsEveryPointAndLatestIsGreatestStepTimestampValue(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            Metric a = new Metric("rmse", 9.0, 1000, 0);
            Metric b = new Metric("rmse", 7.0, 900, 2);
            Metric c = new Metric("rmse", 8.0, 1100, 1);
            Metric d = new Metric("rmse", 6.5, 900, 2);
            store.logMetric(id, a);
            store.logMetric(id, b);
            store.logMetric(id, c);
            store.logMetric(id, d);
            assertEquals(List.of(a, c, d, b), store.getMetricHistory(id, "rmse"));
            // step 2 wins; at equal step and timestamp, the greater value wins
            assertEquals(b, store.getRun(id).data().latestMetrics().get("rmse"));
            store.logMetric(id, new Metric("rmse", 1.0, 50, 3));
            assertEquals(
                    1.0, store.getRun(id).data().latestMetrics().get("rmse").value());
            assertEquals(List.of(), store.getMetricHistory(id, "absent"));
        }
    }

    @Test
    default void nanAndInfinitiesRoundTripExactly(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            List<Metric> points = List.of(
                    new Metric("x", Double.NaN, 1, 0),
                    new Metric("x", Double.POSITIVE_INFINITY, 2, 1),
                    new Metric("x", Double.NEGATIVE_INFINITY, 3, 2),
                    new Metric("x", Double.MAX_VALUE, 4, 3),
                    new Metric("x", -Double.MAX_VALUE, 5, 4),
                    new Metric("x", Double.MIN_VALUE, 6, 5));
            store.logBatch(id, points, List.of(), List.of());
            List<Metric> back = store.getMetricHistory(id, "x");
            assertEquals(points.size(), back.size());
            for (int i = 0; i < points.size(); i++) {
                assertEquals(
                        Double.doubleToRawLongBits(points.get(i).value()),
                        Double.doubleToRawLongBits(back.get(i).value()),
                        "point " + i + ": " + back.get(i));
            }
            store.logMetric(id, new Metric("y", Double.POSITIVE_INFINITY, 1, 7));
            assertEquals(
                    Double.POSITIVE_INFINITY,
                    store.getRun(id).data().latestMetrics().get("y").value());
            store.logMetric(id, new Metric("z", Double.NaN, 1, 7));
            assertTrue(Double.isNaN(
                    store.getRun(id).data().latestMetrics().get("z").value()));
        }
    }

    @Test
    default void tagsAreMutableAndDeletable(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            store.setTag(id, "phase", "train");
            store.setTag(id, "phase", "eval");
            assertEquals("eval", store.getRun(id).data().tags().get("phase"));
            store.deleteTag(id, "phase");
            assertFalse(store.getRun(id).data().tags().containsKey("phase"));
            LatheException e = assertThrows(LatheException.class, () -> store.deleteTag(id, "phase"));
            assertTrue(e.getMessage().contains("'phase'"), e.getMessage());
            store.setTag(id, "mlflow.runName", "renamed");
            assertEquals("renamed", store.getRun(id).info().runName());
        }
    }

    @Test
    default void logBatchWritesEverythingOrNothing(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            store.logParam(id, "p", "1");
            List<Metric> metrics = List.of(new Metric("m", 1.0, 10, 0), new Metric("m", 2.0, 11, 1));
            assertThrows(
                    LatheException.class,
                    () -> store.logBatch(id, metrics, List.of(new Param("p", "2")), List.of(new RunTag("t", "v"))));
            assertEquals(List.of(), store.getMetricHistory(id, "m"));
            assertFalse(store.getRun(id).data().tags().containsKey("t"));
            store.logBatch(id, metrics, List.of(new Param("q", "3")), List.of(new RunTag("t", "v")));
            Run run = store.getRun(id);
            assertEquals(2, store.getMetricHistory(id, "m").size());
            assertEquals("3", run.data().params().get("q"));
            assertEquals("v", run.data().tags().get("t"));
        }
    }

    @Test
    default void datasetInputsWithContext(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            DatasetInput train =
                    new DatasetInput("green_2023-01", "abc123", "../data/a.parquet", "[\"x\"]", 65946, "training");
            DatasetInput valid =
                    new DatasetInput("green_2023-02", "def456", "../data/b.parquet", "[\"x\"]", 62574, "validation");
            store.logInputs(id, List.of(train, valid));
            store.logInputs(id, List.of(train));
            assertEquals(List.of(train, valid), store.getRun(id).inputs().datasets());
            String other = newRun(store, "e").runId();
            store.logInputs(other, List.of(train));
            assertEquals(List.of(train), store.getRun(other).inputs().datasets());
        }
    }

    @Test
    default void loggingToAnEndedRunIsAnError(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo info = newRun(store, "e");
            store.updateRunStatus(info.runId(), RunStatus.FINISHED);
            String id = info.runId();
            LatheException e = assertThrows(LatheException.class, () -> store.logMetric(id, Metric.now("m", 1, 0)));
            assertTrue(e.getMessage().contains("FINISHED"), e.getMessage());
            assertThrows(LatheException.class, () -> store.logParam(id, "p", "1"));
            assertThrows(
                    LatheException.class,
                    () -> store.logInputs(id, List.of(new DatasetInput("d", "x", "s", "[]", 1, "training"))));
            assertThrows(LatheException.class, () -> store.logArtifact(id, "a.txt", new byte[1]));
            ActiveRun run = store.startRun(RunSpec.builder(info.experimentId()).build());
            run.end(RunStatus.FINISHED);
            assertThrows(LatheException.class, () -> run.logMetric("m", 1, 0));
            assertThrows(LatheException.class, () -> run.logParam("p", "1"));
            assertThrows(LatheException.class, () -> run.setTag("t", "1"));
        }
    }

    @Test
    default void activeRunLogsAsynchronouslyAndFlushMakesItVisible(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("e");
            ActiveRun run = store.startRun(RunSpec.builder(exp).build());
            int n = 5000;
            for (int step = 0; step < n; step++) {
                run.logMetric("loss", 1.0 / (step + 1), step);
            }
            Map<String, Double> many = new LinkedHashMap<>();
            many.put("rmse", 5.5);
            many.put("mae", 4.0);
            run.logMetrics(many, n);
            run.logParams(Map.of("alpha", "1.0", "seed", "42"));
            run.setTag("phase", "train");
            run.flush();
            List<Metric> loss = store.getMetricHistory(run.runId(), "loss");
            assertEquals(n, loss.size());
            for (int step = 0; step < n; step++) {
                assertEquals(step, loss.get(step).step());
                assertEquals(1.0 / (step + 1), loss.get(step).value());
            }
            Run back = store.getRun(run.runId());
            assertEquals(5.5, back.data().latestMetrics().get("rmse").value());
            assertEquals(Map.of("alpha", "1.0", "seed", "42"), back.data().params());
            assertThrows(LatheException.class, () -> run.logMetric("bad key!", 1, 0));
            run.close();
        }
    }

    @Test
    default void closingTheStoreFlushesPendingMetrics(@TempDir Path dir) {
        String runId;
        try (TrackingStore store = newStore(dir)) {
            ActiveRun run = store.startRun(RunSpec.builder("0").build());
            runId = run.runId();
            for (int i = 0; i < 2000; i++) {
                run.logMetric("m", i, i);
            }
        }
        try (TrackingStore store = reopen(dir)) {
            assertEquals(2000, store.getMetricHistory(runId, "m").size());
        }
    }

    @Test
    default void asyncWriteToADeletedRunSurfacesOnFlush(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ActiveRun run = store.startRun(RunSpec.builder("0").build());
            store.deleteRun(run.runId());
            run.logMetric("m", 1, 0);
            LatheException e = assertThrows(LatheException.class, run::flush);
            assertTrue(e.getMessage().contains(run.runId()) && e.getMessage().contains("deleted"), e.getMessage());
        }
    }

    @Test
    default void closingTheStoreReportsAnUnflushedWriteFailure(@TempDir Path dir) {
        TrackingStore store = newStore(dir);
        ActiveRun run = store.startRun(RunSpec.builder("0").build());
        store.deleteRun(run.runId());
        run.logMetric("m", 1, 0);
        LatheException e = assertThrows(LatheException.class, store::close);
        assertTrue(e.getMessage().contains(run.runId()), e.getMessage());
        store.close();
    }
}
