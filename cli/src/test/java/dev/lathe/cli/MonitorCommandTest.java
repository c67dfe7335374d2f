package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.Metric;
import dev.lathe.evaluation.monitor.MonitorMetrics;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe monitor} end to end on small trip files written here: the same distribution passes (exit
 * 0), a shifted month drifts (exit 1) with Evidently's small-reference tests, {@code --by day} with a model
 * logs one step per batch, a failing RMSE gate exits 1 and bad input exits 2 naming file, column and value.
 */
class MonitorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @TempDir
    static Path tmp;

    static Path reference;
    static Path same;
    static Path shifted;
    static Path model;
    static Path store;

    @BeforeAll
    static void writeMonths() throws IOException {
        store = tmp.resolve("store");
        reference = trips("reference.csv", 600, LocalDateTime.of(2023, 1, 1, 0, 0), 31, 1.0, 10, 1);
        same = trips("same.csv", 500, LocalDateTime.of(2023, 2, 1, 0, 0), 3, 1.0, 10, 2);
        shifted = trips("shifted.csv", 500, LocalDateTime.of(2023, 2, 1, 0, 0), 3, 3.0, 4, 3);
        model = tmp.resolve("ols.lathe");
        CliRun train = CliRun.of(
                "train",
                "--trainer",
                "ols",
                "--train",
                reference.toString(),
                "--valid",
                same.toString(),
                "--output",
                model.toString(),
                "--store",
                store.toString());
        assertEquals(0, train.code(), train.toString());
    }

    /**
     * Green trips: pickups spread over {@code days} days, distance ~ Gamma-like scaled by {@code scale},
     * duration about 3 minutes a mile plus noise, zones from 1..{@code zones}.
     */
    private static Path trips(String name, int rows, LocalDateTime start, int days, double scale, int zones, long seed)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(
                "lpep_pickup_datetime,lpep_dropoff_datetime,PULocationID,DOLocationID,trip_distance\n");
        for (int i = 0; i < rows; i++) {
            double miles = scale * (0.5 + -Math.log(1 - r.nextDouble()) * 2.0);
            double minutes = Math.min(59, 2 + 3 * miles + r.nextDouble() * 4);
            LocalDateTime pickup = start.plusSeconds(r.nextLong(days * 86_400L - 7200));
            LocalDateTime dropoff = pickup.plusSeconds(Math.round(minutes * 60));
            csv.append(TIME.format(pickup))
                    .append(',')
                    .append(TIME.format(dropoff))
                    .append(',')
                    .append(1 + r.nextInt(zones))
                    .append(',')
                    .append(1 + r.nextInt(zones))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", miles))
                    .append('\n');
        }
        return Files.writeString(tmp.resolve(name), csv.toString());
    }

    private static CliRun monitor(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("monitor", "--store", store.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void theSameDistributionDoesNotDriftAndExitsZero() throws IOException {
        CliRun run = monitor("--reference", reference.toString(), "--current", same.toString(), "--json");
        assertEquals(0, run.code(), run.toString());
        JsonNode out = JSON.readTree(run.out());
        assertFalse(out.get("dataset_drift").asBoolean(), run.out());
        assertEquals("ks", out.get("columns").get("trip_distance").get("test").asText());
        assertEquals("chisquare", out.get("columns").get("PU_DO").get("test").asText());
    }

    @Test
    void aShiftedMonthDriftsAndExitsOne() throws IOException {
        CliRun run = monitor("--reference", reference.toString(), "--current", shifted.toString(), "--json");
        assertEquals(MonitorCommand.DRIFT_EXIT, run.code(), run.toString());
        JsonNode out = JSON.readTree(run.out());
        assertTrue(out.get("dataset_drift").asBoolean(), run.out());
        for (String column : List.of("duration", "trip_distance", "PU_DO")) {
            assertTrue(out.get("columns").get(column).get("drifted").asBoolean(), column + ": " + run.out());
        }
    }

    @Test
    void byDayWithAModelLogsEveryBatchAsAStepOfTheMonitoringRun() throws IOException {
        Path html = tmp.resolve("out/monitor.html");
        Path report = tmp.resolve("out/monitor.json");
        CliRun run = monitor(
                "--reference",
                reference.toString(),
                "--current",
                same.toString(),
                "--model",
                model.toString(),
                "--by",
                "day",
                "--html",
                html.toString(),
                "--json-report",
                report.toString(),
                "--json");
        assertEquals(0, run.code(), run.toString());
        String runId = JSON.readTree(run.out()).get("run_id").asText();
        JsonNode r = JSON.readTree(Files.readString(report));
        JsonNode batches = r.get("batches");
        assertEquals(3, batches.size(), "three days of pickups: " + r);
        int rows = 0;
        for (JsonNode b : batches) {
            rows += b.get("rows").asInt();
        }
        assertEquals(r.get("current_rows").asInt(), rows);
        double change = r.get("current_metrics").get("root_mean_squared_error").asDouble()
                - r.get("reference_metrics").get("root_mean_squared_error").asDouble();
        assertEquals(
                change, r.get("metric_change").get("root_mean_squared_error").asDouble(), 1e-12);
        try (SqliteTrackingStore s = SqliteTrackingStore.openForReading(store)) {
            List<Metric> share = s.getMetricHistory(runId, MonitorMetrics.DRIFT_SHARE);
            assertEquals(List.of(0L, 1L, 2L), share.stream().map(Metric::step).toList());
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        batches.get(i).get("drift").get("share").asDouble(),
                        share.get(i).value(),
                        0.0);
                assertEquals(
                        batches.get(i)
                                .get("metrics")
                                .get("root_mean_squared_error")
                                .asDouble(),
                        s.getMetricHistory(runId, "root_mean_squared_error")
                                .get(i)
                                .value(),
                        0.0);
            }
            assertEquals(
                    change,
                    s.getMetricHistory(runId, MonitorMetrics.CHANGE + "root_mean_squared_error")
                            .get(0)
                            .value(),
                    1e-12);
        }
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"plot-drift-share\"") && page.contains("id=\"plot-rmse\""), "batch plots");
        assertTrue(page.contains("id=\"plot-dist-trip_distance\"") && page.contains("<svg"), "distributions");
    }

    @Test
    void aFailedRmseGateExitsOne() {
        CliRun run = monitor(
                "--reference",
                reference.toString(),
                "--current",
                shifted.toString(),
                "--model",
                model.toString(),
                "--max-rmse-increase",
                "0.05");
        assertEquals(MonitorCommand.DRIFT_EXIT, run.code(), run.toString());
        assertTrue(run.out().contains("gate failed: RMSE"), run.out());
    }

    @Test
    void badInputExitsTwoNamingFileColumnAndValue() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        List<String> lines = Files.readAllLines(same);
        String row = lines.get(5);
        lines.set(5, row.substring(0, row.lastIndexOf(',') + 1) + "far");
        Files.write(bad, lines);
        CliRun run = monitor("--reference", reference.toString(), "--current", bad.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(
                run.err().contains(bad.toString())
                        && run.err().contains("trip_distance")
                        && run.err().contains("'far'"),
                run.err());

        CliRun period = monitor("--reference", reference.toString(), "--current", same.toString(), "--by", "month");
        assertEquals(2, period.code(), period.toString());
        assertTrue(period.err().contains("--by must be day or week, got 'month'"), period.err());
    }
}
