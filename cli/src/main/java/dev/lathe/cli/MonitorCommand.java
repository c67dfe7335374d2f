package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.io.AtomicFile;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.evaluation.drift.ColumnDrift;
import dev.lathe.evaluation.drift.DataDriftDetector;
import dev.lathe.evaluation.drift.StatTest;
import dev.lathe.evaluation.monitor.BatchPeriod;
import dev.lathe.evaluation.monitor.Monitor;
import dev.lathe.evaluation.monitor.MonitorBatch;
import dev.lathe.evaluation.monitor.MonitorFiles;
import dev.lathe.evaluation.monitor.MonitorHtml;
import dev.lathe.evaluation.monitor.MonitorJson;
import dev.lathe.evaluation.monitor.MonitorReport;
import dev.lathe.evaluation.monitor.MonitoredTable;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.workflow.PipelineSource;
import dev.lathe.workflow.TrackedMonitoring;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe monitor}: a new month's data drift (and, with a model, accuracy) against the reference month. */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {
            "Compare a current month with the reference (training) month: data drift per column with"
                    + " Evidently's default tests and thresholds, the dataset decision (drift when at least"
                    + " --drift-share of the columns drift), and with --model the regression metrics on both and"
                    + " their change. --by day|week logs every figure per batch as a step of a run in the"
                    + " monitoring experiment. Exit code 1 when the dataset drifts or a gate fails, 2 for bad"
                    + " input, 0 otherwise.",
            "Example: lathe monitor --reference jan.parquet --current feb.parquet"
                    + " --model models:/nyc-taxi-duration@champion --by day --html monitor.html"
        })
public final class MonitorCommand implements Callable<Integer> {
    /** Exit code when the dataset drifts or a gate fails. */
    static final int DRIFT_EXIT = 1;

    @Option(
            names = "--reference",
            required = true,
            paramLabel = "FILE",
            description = "The reference (training) month.")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The month to check.")
    Path current;

    @Option(
            names = "--model",
            paramLabel = "FILE|URI",
            description = "A pipeline (file, models:/NAME@ALIAS, runs:/...): its recipe reads both files, its"
                    + " predictions are drift-checked and scored (default: none, the course's recipe).")
    String model;

    @Option(
            names = "--by",
            paramLabel = "day|week",
            description = "Split the current month into batches by the recipe's event (pickup) time (default: none).")
    String by;

    @Option(names = "--psi", description = "Test every column with PSI (threshold 0.1) instead of Evidently's choice.")
    boolean psi;

    @Option(
            names = "--drift-share",
            defaultValue = "0.5",
            paramLabel = "SHARE",
            description = "The dataset drifts when at least this share of its columns drift.")
    double driftShare;

    @Option(
            names = "--min-batch-rows",
            defaultValue = "30",
            paramLabel = "N",
            description = "Batches with fewer rows are left out (and listed).")
    int minBatchRows;

    @Option(
            names = "--max-rmse-increase",
            paramLabel = "FRACTION",
            description = "Gate: fail (exit 1) when the current RMSE exceeds the reference's by more than this"
                    + " fraction, e.g. 0.1 (needs --model; default: no gate).")
    Double maxRmseIncrease;

    @Option(names = "--experiment", defaultValue = TrackedMonitoring.EXPERIMENT, description = "Experiment of the run.")
    String experiment;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report (default: none).")
    Path html;

    @Option(names = "--json-report", paramLabel = "FILE", description = "Write the JSON report (default: none).")
    Path jsonReport;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TablesawStartup.initialize();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<BatchPeriod> period = period();
        check(
                maxRmseIncrease == null || (maxRmseIncrease >= 0 && Double.isFinite(maxRmseIncrease)),
                "--max-rmse-increase must be a finite fraction >= 0, got " + maxRmseIncrease);
        check(maxRmseIncrease == null || model != null, "--max-rmse-increase needs --model");
        check(minBatchRows >= 1, "--min-batch-rows must be >= 1, got " + minBatchRows);
        check(driftShare > 0 && driftShare <= 1, "--drift-share must be > 0 and <= 1, got " + driftShare);
        try (TrackingStore tracker = store.open()) {
            Optional<FittedPipeline> pipeline = Optional.ofNullable(model)
                    .map(m -> PipelineSource.load(m, PipelineSource.isUri(m) ? tracker : null));
            Recipe recipe = pipeline.map(FittedPipeline::recipe).orElseGet(TlcRecipes::course);
            err.println("[lathe] reading " + reference + " and " + current);
            err.flush();
            MonitoredTable ref = MonitorFiles.read(recipe, reference, pipeline, false);
            MonitoredTable cur = MonitorFiles.read(recipe, current, pipeline, period.isPresent());
            DataDriftDetector detector =
                    new DataDriftDetector(psi ? Optional.of(StatTest.PSI) : Optional.empty(), driftShare);
            MonitorReport report = new Monitor(detector, minBatchRows).compare(recipe.target(), ref, cur, period);
            Optional<String> gate = gate(report);
            String runId = TrackedMonitoring.log(tracker, experiment, report, reference, current, params(period));
            write(html, MonitorHtml.render(report));
            write(jsonReport, MonitorJson.render(report));
            print(out, report, gate, runId);
            boolean failed = report.drift().datasetDrift() || gate.isPresent();
            return failed ? DRIFT_EXIT : 0;
        }
    }

    private Optional<BatchPeriod> period() {
        if (by == null) {
            return Optional.empty();
        }
        for (BatchPeriod p : BatchPeriod.values()) {
            if (p.name().equalsIgnoreCase(by)) {
                return Optional.of(p);
            }
        }
        throw new InvalidParameterException("--by must be day or week, got '" + by + "'");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InvalidParameterException(message);
        }
    }

    /** The failed gate's message, if the RMSE gate is set and fails. */
    private Optional<String> gate(MonitorReport r) {
        if (maxRmseIncrease == null) {
            return Optional.empty();
        }
        double ref = r.referenceMetrics().orElseThrow().rootMeanSquaredError();
        double cur = r.currentMetrics().orElseThrow().rootMeanSquaredError();
        double limit = ref * (1 + maxRmseIncrease);
        return cur > limit
                ? Optional.of(String.format(
                        Locale.ROOT,
                        "RMSE %.6f on %s exceeds the reference's %.6f by more than %s (limit %.6f)",
                        cur,
                        r.current(),
                        ref,
                        maxRmseIncrease,
                        limit))
                : Optional.empty();
    }

    private Map<String, String> params(Optional<BatchPeriod> period) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("reference", reference.toString());
        p.put("current", current.toString());
        p.put("model", model == null ? "none" : model);
        p.put("by", period.map(x -> x.name().toLowerCase(Locale.ROOT)).orElse("none"));
        p.put("stattest", psi ? StatTest.PSI.id() : "evidently-default");
        p.put("drift_share", Double.toString(driftShare));
        p.put("min_batch_rows", Integer.toString(minBatchRows));
        if (maxRmseIncrease != null) {
            p.put("max_rmse_increase", Double.toString(maxRmseIncrease));
        }
        return p;
    }

    private static void write(Path file, String content) {
        if (file != null) {
            AtomicFile.write(file, content.getBytes(StandardCharsets.UTF_8), "report");
        }
    }

    private void print(PrintWriter out, MonitorReport r, Optional<String> gate, String runId) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("reference", r.reference());
            o.put("current", r.current());
            o.put("dataset_drift", r.drift().datasetDrift());
            o.put("drift_share", r.drift().share());
            o.put("drifted_columns", r.drift().driftedCount());
            Map<String, Object> cols = new LinkedHashMap<>();
            for (ColumnDrift c : r.drift().columns()) {
                cols.put(c.column(), Map.of("test", c.test().id(), "score", c.score(), "drifted", c.drifted()));
            }
            o.put("columns", cols);
            r.currentMetrics().ifPresent(m -> o.put("current_metrics", m.toMap()));
            if (!r.metricChange().isEmpty()) {
                o.put("metric_change", r.metricChange());
            }
            o.put("batches", r.batches().size());
            o.put("gate_failure", gate.orElse(null));
            o.put("run_id", runId);
            out.println(Json.object(o));
            out.flush();
            return;
        }
        out.printf(
                Locale.ROOT,
                "%s (%d rows) against %s (%d rows)%n",
                r.current(),
                r.currentRows(),
                r.reference(),
                r.referenceRows());
        out.printf(Locale.ROOT, "  %-24s %-14s %14s %10s  %s%n", "column", "test", "score", "threshold", "drift");
        for (ColumnDrift c : r.drift().columns()) {
            out.printf(
                    Locale.ROOT,
                    "  %-24s %-14s %14.6g %10s  %s%n",
                    c.column(),
                    c.test().id(),
                    c.score(),
                    c.test().threshold(),
                    c.drifted() ? "DRIFT" : "ok");
        }
        out.printf(
                Locale.ROOT,
                "dataset drift: %s (%d of %d columns, share %.3f, threshold %.3f)%n",
                r.drift().datasetDrift() ? "DETECTED" : "not detected",
                r.drift().driftedCount(),
                r.drift().columns().size(),
                r.drift().share(),
                r.drift().driftShare());
        Map<String, Double> change = r.metricChange();
        r.currentMetrics().ifPresent(m -> m.toMap()
                .forEach((k, v) -> out.printf(Locale.ROOT, "  %-32s %14.6f  (change %+.6f)%n", k, v, change.get(k))));
        for (MonitorBatch b : r.batches()) {
            out.printf(
                    Locale.ROOT,
                    "  batch %s: %6d rows, %d drifted, share %.3f%s%s%n",
                    b.start(),
                    b.rows(),
                    b.drift().driftedCount(),
                    b.drift().share(),
                    b.drift().datasetDrift() ? " DRIFT" : "",
                    b.metrics()
                            .map(m -> String.format(Locale.ROOT, ", rmse %.4f", m.rootMeanSquaredError()))
                            .orElse(""));
        }
        if (!r.skipped().isEmpty()) {
            out.println("  batches left out (fewer than " + minBatchRows + " rows): " + r.skipped());
        }
        gate.ifPresent(g -> out.println("gate failed: " + g));
        out.println("run " + runId);
        out.flush();
    }
}
