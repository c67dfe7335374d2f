package dev.lathe.cli.demo;

import dev.lathe.core.LatheException;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;

/**
 * Inputs of the demo: the training and validation files, the recipe (the TLC duration recipe by default), the linear model
 * ({@code ols} or {@code ridge} with its {@code alpha}) and the experiment the run is logged to.
 */
public record DemoOptions(
        Path trainFile, Path validFile, Recipe recipe, String model, double alpha, String experiment) {
    public DemoOptions {
        LatheException.check(trainFile != null && validFile != null, "the demo needs a training and a validation file");
        LatheException.check(
                "ols".equals(model) || "ridge".equals(model), "model must be 'ols' or 'ridge', got '%s'", model);
        LatheException.check(Double.isFinite(alpha) && alpha >= 0, "alpha must be finite and >= 0, got %s", alpha);
        LatheException.check(experiment != null && !experiment.isBlank(), "experiment name must not be blank");
    }

    /** The course's final setup on the given files: OLS on PU_DO + trip_distance. */
    public static DemoOptions course(Path trainFile, Path validFile) {
        return new DemoOptions(trainFile, validFile, TlcRecipes.course(), "ols", 0.0, "nyc-taxi-duration");
    }
}
