package dev.lathe.cli;

import dev.lathe.core.prep.PrepConfig;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --categorical} and {@code --numerical} options shared by commands that prepare trips. */
public final class FeatureOptions {
    @Option(
            names = "--categorical",
            split = ",",
            defaultValue = "PU_DO",
            description = "Categorical features (default: ${DEFAULT-VALUE}).")
    List<String> categorical;

    @Option(
            names = "--numerical",
            split = ",",
            defaultValue = "trip_distance",
            description = "Numerical features (default: ${DEFAULT-VALUE}).")
    List<String> numerical;

    /** The recipe configuration these options describe, with the course's 1..60 minute window. */
    public PrepConfig prepConfig() {
        return PrepConfig.of(categorical, numerical);
    }
}
