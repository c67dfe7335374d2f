package dev.lathe.cli;

import dev.lathe.cli.demo.DemoOptions;
import dev.lathe.cli.demo.DemoPrinter;
import dev.lathe.cli.demo.DemoResult;
import dev.lathe.cli.demo.DemoStage;
import dev.lathe.cli.demo.DurationDemo;
import dev.lathe.cli.demo.StageClock;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.TrackingStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe demo}: the main job, on the bundled TLC months or on the user's own files. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Train on one month of taxi trips, validate on the next, log the run.",
            "Default: green 2023-01 -> 2023-02, OLS on PU_DO + trip_distance."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--train",
            paramLabel = "FILE",
            description = "Training month: Parquet or CSV[.gz], green or yellow (default: the bundled green 2023-01).")
    Path train;

    @Option(
            names = "--valid",
            paramLabel = "FILE",
            description = "Validation month (default: the bundled green 2023-02).")
    Path valid;

    @Option(names = "--model", defaultValue = "ols", description = "ols or ridge (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--alpha", defaultValue = "1.0", description = "Ridge penalty (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Mixin
    FeatureOptions features;

    @Option(
            names = "--experiment",
            defaultValue = "nyc-taxi-duration",
            description = "Experiment name (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TablesawStartup.initialize();
        if ((train == null) != (valid == null)) {
            throw new InvalidParameterException(
                    "--train and --valid go together: got only " + (train != null ? "--train" : "--valid"));
        }
        Path trainFile = train != null ? train : bundled("green_tripdata_2023-01.parquet");
        Path validFile = valid != null ? valid : bundled("green_tripdata_2023-02.parquet");
        DemoOptions options = new DemoOptions(
                trainFile, validFile, features.recipe(), model, "ridge".equals(model) ? alpha : 0.0, experiment);
        StageClock clock = StageClock.start();
        DemoResult result;
        Path report;
        try (TrackingStore tracker = store.open()) {
            clock.lap(DemoStage.OPEN_STORE);
            result = DurationDemo.run(options, tracker, clock);
            report = tracker.artifactPath(result.runId(), "evaluation/report.html");
        }
        clock.lap(DemoStage.TRACKING); // closing the store
        result = result.withTimings(clock.timings());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DemoPrinter.json(result));
        } else {
            out.print(DemoPrinter.human(result));
            out.printf("  %-14s %s%n", "report", report.toUri());
        }
        out.flush();
        return 0;
    }

    /** The bundled data: under $LATHE_HOME (set by the lathe script) or the working directory. */
    static Path bundled(String name) {
        String home = System.getProperty(LatheCli.HOME_PROPERTY, System.getenv().getOrDefault("LATHE_HOME", "."));
        Path p = Path.of(home, "data", "tlc", name);
        if (!Files.exists(p)) {
            throw new ResourceNotFoundException("bundled data file " + p
                    + " not found: run from the Lathe checkout, or pass" + " --train FILE --valid FILE");
        }
        return p;
    }
}
