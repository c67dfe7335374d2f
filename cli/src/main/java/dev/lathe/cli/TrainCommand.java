package dev.lathe.cli;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.workflow.ModelRegistration;
import dev.lathe.workflow.ProgressListener;
import dev.lathe.workflow.RunExtras;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe train}: fit a chosen trainer on a training month, log the run, save the fitted pipeline. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        modelTransformer = TrainerHelp.Train.class,
        description = {
            "Fit a trainer on a training month, evaluate it on the next month and log the run.",
            "The run holds params, metrics, datasets, model/ and a report (docs/tracking-conventions.md);",
            "the model can also be saved to a file or registered.",
            "Example: lathe train --trainer ridge -P alpha=1 --train jan.parquet --valid feb.parquet"
        })
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainerOptions trainerOptions;

    @Mixin
    MonthsOptions months;

    @Option(
            names = "--experiment",
            defaultValue = "nyc-taxi-duration",
            description = "Experiment name (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--run-name", description = "Run name (default: <trainer>-<training file>).")
    String runName;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Also save the fitted pipeline here (default: only in the run).")
    Path output;

    @Mixin
    RegisterOptions register;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TablesawStartup.initialize();
        register.check();
        var fitter = trainerOptions.build(store);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingData data = months.load(err);
        TrainingResult result;
        Optional<ModelVersion> version;
        try (TrackingStore tracker = store.open()) {
            TrackedTraining training =
                    new TrackedTraining(tracker, experiment, "lathe train", new ProgressListener(err, 10));
            String name = runName != null
                    ? runName
                    : fitter.name() + "-" + data.data().train().name();
            result = training.fit(name, fitter, data, savedTo(output));
            version = register.apply(tracker, result.runId());
        }
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("run_id", result.runId());
            summary.put("trainer", result.trainerName());
            summary.put("metrics", new TreeMap<>(result.metrics()));
            summary.put("pipeline", output == null ? "" : output.toString());
            summary.put("model_uri", ModelRegistration.source(result.runId()));
            version.ifPresent(v -> summary.put("registered", "models:/" + v.name() + "/" + v.version()));
            out.println(Json.object(summary));
        } else {
            out.printf(Locale.ROOT, "run %s (%s)%n", result.runId(), result.trainerName());
            new TreeMap<>(result.metrics()).forEach((k, v) -> out.printf(Locale.ROOT, "  %-16s %.6f%n", k, v));
            if (output != null) {
                out.println("pipeline saved to " + output);
            }
            version.ifPresent(v -> out.printf(
                    Locale.ROOT,
                    "registered %s version %d (models:/%s/%d)%n",
                    v.name(),
                    v.version(),
                    v.name(),
                    v.version()));
        }
        out.flush();
        return 0;
    }

    /**
     * Saves the pipeline to {@code file} inside the run, before it ends: a file that cannot be written
     * (a full disk, a missing permission) leaves no partial file and ends the run FAILED.
     */
    private static RunExtras savedTo(Path file) {
        if (file == null) {
            return RunExtras.none();
        }
        return new RunExtras() {
            @Override
            public void log(ActiveRun run, TrainingResult result) {
                result.pipeline().save(file);
            }
        };
    }
}
