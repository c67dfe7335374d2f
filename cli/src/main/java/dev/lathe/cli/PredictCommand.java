package dev.lathe.cli;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.Lathe;
import dev.lathe.workflow.PredictionResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe predict}: score a whole data file with a model, streamed, in a tracked run. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Score every row of a data file and write the input columns plus 'prediction' to a Parquet or CSV",
            "file, streamed in chunks (memory stays bounded on a month of any length); logged as a run with the",
            "model, the input dataset and the row counts.",
            "Example: lathe predict --model models:/nyc-taxi-duration@champion --data mar.parquet --output s.parquet"
        })
public final class PredictCommand implements Callable<Integer> {
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
            description = "Rows to score: .parquet, .csv, .csv.gz.")
    Path data;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "Where the scored rows go: .parquet or .csv (written whole or not at all).")
    Path output;

    @Option(
            names = "--experiment",
            paramLabel = "NAME",
            defaultValue = "batch-predictions",
            description = "Experiment of the run (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--json", description = "Print the result as one JSON object.")
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
        err.println("[lathe] scoring " + data + " -> " + output);
        err.flush();
        long start = System.nanoTime();
        PredictionResult result;
        try (TrackingStore tracker = store.open()) {
            result = Lathe.on(tracker).experiment(experiment).predict(model, data, output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("run_id", result.runId());
            fields.put("rows_in", result.rowsIn());
            fields.put("rows_out", result.rowsOut());
            fields.put("output", output.toString());
            fields.put("seconds", seconds);
            out.println(Json.object(fields));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%,d rows scored with %s -> %s in %.1f s%nrun %s%n",
                    result.rowsOut(),
                    model,
                    output,
                    seconds,
                    result.runId());
        }
        out.flush();
        return 0;
    }
}
