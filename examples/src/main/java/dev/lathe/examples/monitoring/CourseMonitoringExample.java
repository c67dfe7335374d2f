package dev.lathe.examples.monitoring;

import dev.lathe.core.io.AtomicFile;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.drift.DataDriftDetector;
import dev.lathe.evaluation.monitor.BatchPeriod;
import dev.lathe.evaluation.monitor.Monitor;
import dev.lathe.evaluation.monitor.MonitorFiles;
import dev.lathe.evaluation.monitor.MonitorHtml;
import dev.lathe.evaluation.monitor.MonitorReport;
import dev.lathe.evaluation.monitor.MonitoredTable;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.workflow.TrackedMonitoring;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The course's monitoring stage as a Java main: fit the course's OLS model on green taxi 2023-01, then
 * watch 2023-02 day by day against it with Evidently's default drift tests and the model's RMSE, logged
 * as a run of the {@value TrackedMonitoring#EXPERIMENT} experiment (one step per day) with an HTML report.
 *
 * <p>Usage: {@code CourseMonitoringExample [REFERENCE CURRENT [STORE_DIR [REPORT.html]]]} (defaults: the
 * bundled 2023 months, the default store, monitoring.html).
 */
public final class CourseMonitoringExample {
    /** Days with fewer trips are left out of the batches. */
    public static final int MIN_DAY_ROWS = 30;

    private CourseMonitoringExample() {}

    /** Fits the model on {@code reference}, monitors {@code current} by day and logs both; returns the report. */
    public static MonitorReport run(Path reference, Path current, Tracker tracker) {
        TrainingData data = TrainingData.load(reference, current, TlcRecipes.course());
        TrainingResult fit = new TrackedTraining(
                        tracker, "nyc-taxi-duration", "CourseMonitoringExample", TrainingListener.none())
                .fit("ols", new OlsTrainer(OlsParams.defaults()), data);
        Optional<FittedPipeline> model = Optional.of(fit.pipeline());
        MonitoredTable ref = MonitorFiles.read(fit.pipeline().recipe(), reference, model, false);
        MonitoredTable cur = MonitorFiles.read(fit.pipeline().recipe(), current, model, true);
        MonitorReport report = new Monitor(DataDriftDetector.evidentlyDefaults(), MIN_DAY_ROWS)
                .compare(fit.pipeline().recipe().target(), ref, cur, Optional.of(BatchPeriod.DAY));
        TrackedMonitoring.log(
                tracker,
                TrackedMonitoring.EXPERIMENT,
                report,
                reference,
                current,
                Map.of("model", "runs:/" + fit.runId() + "/model", "by", "day"));
        return report;
    }

    public static void main(String[] args) {
        Path reference = Path.of(args.length > 0 ? args[0] : "data/tlc/green_tripdata_2023-01.parquet");
        Path current = Path.of(args.length > 1 ? args[1] : "data/tlc/green_tripdata_2023-02.parquet");
        Path html = Path.of(args.length > 3 ? args[3] : "monitoring.html");
        try (SqliteTrackingStore store =
                args.length > 2 ? SqliteTrackingStore.open(Path.of(args[2])) : SqliteTrackingStore.openDefault()) {
            MonitorReport r = run(reference, current, store);
            AtomicFile.write(html, MonitorHtml.render(r).getBytes(StandardCharsets.UTF_8), "report");
            System.out.printf(
                    Locale.ROOT,
                    "%s against %s: dataset drift %s (share %.3f), RMSE %.4f -> %.4f, %d daily batches%n",
                    r.current(),
                    r.reference(),
                    r.drift().datasetDrift(),
                    r.drift().share(),
                    r.referenceMetrics().orElseThrow().rootMeanSquaredError(),
                    r.currentMetrics().orElseThrow().rootMeanSquaredError(),
                    r.batches().size());
            System.out.println("report: " + html.toAbsolutePath() + "; runs logged to " + store.location());
        }
    }
}
