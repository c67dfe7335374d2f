package dev.lathe.cli;

import dev.lathe.workflow.TrainingData;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The training and validation files and the recipe that prepares them, shared by train and search. */
final class MonthsOptions {
    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training month.")
    Path train;

    @Option(names = "--valid", required = true, paramLabel = "FILE", description = "Validation month.")
    Path valid;

    @Mixin
    FeatureOptions features;

    /** Reads, prepares and encodes both files, saying so on {@code err}. */
    TrainingData load(PrintWriter err) {
        err.println("[lathe] reading " + train + " and " + valid);
        err.flush();
        return TrainingData.load(train, valid, features.recipe());
    }
}
