package dev.lathe.cli;

import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.io.AtomicFile;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.evaluation.report.EvaluationReport;
import dev.lathe.evaluation.report.HtmlReport;
import dev.lathe.evaluation.report.JsonReport;
import dev.lathe.evaluation.report.MarkdownReport;
import dev.lathe.evaluation.report.ReportBuilder;
import dev.lathe.workflow.PipelineSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe evaluate}: score a saved pipeline (file or registry URI) on a data file. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a saved pipeline on a data file: RMSE, MAE, R^2 and more, optionally as reports.",
            "Example: lathe evaluate --model models:/nyc-taxi-duration@champion --data feb.parquet --html r.html"
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "FILE|URI",
            description = "A pipeline file, models:/NAME@ALIAS, models:/NAME/VERSION or runs:/RUN_ID/PATH.")
    String model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Rows to score, with the target the pipeline's recipe reads (its filters apply).")
    Path data;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report (default: none).")
    Path html;

    @Option(names = "--json-report", paramLabel = "FILE", description = "Write a JSON report (default: none).")
    Path jsonReport;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown report (default: none).")
    Path markdown;

    @Option(names = "--json", description = "Print the metrics as one JSON object.")
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
        FittedPipeline pipeline;
        if (PipelineSource.isUri(model)) {
            try (TrackingStore tracker = store.open()) {
                pipeline = PipelineSource.load(model, tracker);
            }
        } else {
            pipeline = PipelineSource.load(model, null);
        }
        err.println("[lathe] scoring " + data);
        err.flush();
        PreparedTable rows = TrainValid.prepare(pipeline.recipe(), data);
        SparseMatrix x = pipeline.encoder().transform(rows.features());
        double[] predicted = pipeline.model().predict(x);
        double[] actual = rows.target();
        RegressionEvaluation metrics = new RegressionEvaluator().evaluate(actual, predicted);
        writeReports(actual, predicted, pipeline);
        Map<String, Double> shown = new TreeMap<>(metrics.toMap());
        if (json) {
            out.println(Json.object(Map.of("model", model, "data", data.toString(), "metrics", shown)));
        } else {
            out.printf(Locale.ROOT, "%s on %s (%d rows)%n", model, data.getFileName(), actual.length);
            shown.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %.6f%n", k, v));
        }
        out.flush();
        return 0;
    }

    private void writeReports(double[] actual, double[] predicted, FittedPipeline pipeline) {
        if (html == null && jsonReport == null && markdown == null) {
            return;
        }
        EvaluationReport report = new ReportBuilder(model + " on " + data.getFileName(), actual, predicted)
                .targetLabel(pipeline.recipe().target())
                .provenance(pipeline.model().provenance())
                .build();
        write(html, () -> HtmlReport.render(report));
        write(jsonReport, () -> JsonReport.render(report));
        write(markdown, () -> MarkdownReport.render(report));
    }

    private static void write(Path file, java.util.function.Supplier<String> content) {
        if (file == null) {
            return;
        }
        AtomicFile.write(file, content.get().getBytes(StandardCharsets.UTF_8), "report");
    }
}
