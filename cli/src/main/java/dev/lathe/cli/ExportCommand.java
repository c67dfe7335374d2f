package dev.lathe.cli;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tracking.export.ExportSummary;
import dev.lathe.tracking.export.MlflowFileStoreExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe export}: write the store in MLflow's mlruns layout, for {@code mlflow ui}. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export every experiment, run and registered model to MLflow's file-store layout.",
            "Example: lathe export --to mlruns && mlflow ui --backend-store-uri mlruns"
        })
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Target mlruns directory.")
    Path target;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExportSummary summary;
        try (TrackingStore tracker = store.openForReading()) {
            summary = new MlflowFileStoreExporter(tracker).export(target);
        }
        out.println("exported " + summary.experiments() + " experiment(s), " + summary.runs() + " run(s) and "
                + summary.models() + " registered model(s) to " + target);
        out.flush();
        return 0;
    }
}
