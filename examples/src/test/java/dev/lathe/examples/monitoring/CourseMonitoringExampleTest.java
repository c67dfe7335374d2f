package dev.lathe.examples.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Run;
import dev.lathe.evaluation.monitor.MonitorBatch;
import dev.lathe.evaluation.monitor.MonitorMetrics;
import dev.lathe.evaluation.monitor.MonitorReport;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.TrackedMonitoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course scenario on the bundled months: 2023-02 by day against 2023-01, logged with one step per day. */
class CourseMonitoringExampleTest {
    @TempDir
    Path tmp;

    @Test
    void februaryIsMonitoredDayByDayAgainstJanuary() {
        Path data = Path.of("").toAbsolutePath();
        while (!Files.exists(data.resolve("data/tlc"))) {
            data = data.getParent();
        }
        try (SqliteTrackingStore store = SqliteTrackingStore.open(tmp.resolve("store"))) {
            MonitorReport r = CourseMonitoringExample.run(
                    data.resolve("data/tlc/green_tripdata_2023-01.parquet"),
                    data.resolve("data/tlc/green_tripdata_2023-02.parquet"),
                    store);
            List<MonitorBatch> days = r.batches();
            assertEquals(28, days.size(), "every day of February has trips");
            assertEquals("2023-02-01", days.get(0).start().toString());
            int rows = days.stream().mapToInt(MonitorBatch::rows).sum()
                    + r.skipped().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(r.currentRows(), rows, "every kept trip is in a day or a left-out day");
            // OLS on PU_DO + trip_distance: validation RMSE on 2023-02 as LatheCliTest pins it (6.0339)
            assertEquals(6.0339, r.currentMetrics().orElseThrow().rootMeanSquaredError(), 5e-3);
            String experiment = store.getOrCreateExperiment(TrackedMonitoring.EXPERIMENT);
            List<Run> runs = store.findRuns(dev.lathe.core.tracking.RunQuery.inExperiment(experiment));
            assertEquals(1, runs.size());
            assertEquals(
                    28,
                    store.getMetricHistory(runs.get(0).info().runId(), MonitorMetrics.DRIFT_SHARE)
                            .size());
            assertEquals(
                    28,
                    store.getMetricHistory(runs.get(0).info().runId(), "root_mean_squared_error")
                            .size());
        }
    }
}
