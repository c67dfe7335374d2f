package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.tuning.space.GridSpace;
import dev.lathe.tuning.space.SearchSpace;
import java.util.List;
import java.util.Locale;

/**
 * The default hyperparameter spaces {@code lathe search} explores per trainer: continuous ranges for
 * random and TPE sampling, and a small grid for grid search. Parameter names are the ones {@link
 * TrainerChoice} accepts, so a trial's values build its trainer directly.
 */
public final class SearchSpaces {
    private SearchSpaces() {}

    /** The space random and TPE samplers draw from. */
    public static SearchSpace continuous(String trainer) {
        return switch (trainer.toLowerCase(Locale.ROOT)) {
            case "ridge" -> SearchSpace.builder().logUniform("alpha", 1e-3, 100).build();
            case "lasso" -> SearchSpace.builder().logUniform("alpha", 1e-4, 1).build();
            case "elasticnet" -> SearchSpace.builder()
                    .logUniform("alpha", 1e-4, 1)
                    .uniform("l1_ratio", 0.05, 1)
                    .build();
            case "xgboost" -> SearchSpace.builder() // the course's space
                    .intRange("max_depth", 4, 100)
                    .logUniform("learning_rate", Math.exp(-3), 1.0)
                    .logUniform("reg_alpha", Math.exp(-5), Math.exp(-1))
                    .logUniform("reg_lambda", Math.exp(-6), Math.exp(-1))
                    .logUniform("min_child_weight", Math.exp(-1), Math.exp(3))
                    .build();
            case "rf" -> SearchSpace.builder()
                    .intRange("num_trees", 5, 30)
                    .intRange("max_depth", 4, 10)
                    .build();
            default -> throw unsupported(trainer);
        };
    }

    /** The grid that grid search enumerates (last parameter varying fastest). */
    public static GridSpace grid(String trainer) {
        return switch (trainer.toLowerCase(Locale.ROOT)) {
            case "ridge" -> GridSpace.builder()
                    .values("alpha", List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0))
                    .build();
            case "lasso" -> GridSpace.builder()
                    .values("alpha", List.of(1e-4, 1e-3, 1e-2, 1e-1))
                    .build();
            case "elasticnet" -> GridSpace.builder()
                    .values("alpha", List.of(1e-4, 1e-3, 1e-2))
                    .values("l1_ratio", List.of(0.25, 0.5, 0.75, 1.0))
                    .build();
            case "xgboost" -> GridSpace.builder()
                    .values("max_depth", List.of(4, 6, 10))
                    .values("learning_rate", List.of(0.1, 0.3))
                    .build();
            case "rf" -> GridSpace.builder()
                    .values("num_trees", List.of(10, 20))
                    .values("max_depth", List.of(4, 6, 8))
                    .build();
            default -> throw unsupported(trainer);
        };
    }

    private static LatheException unsupported(String trainer) {
        return new LatheException("search supports --trainer ridge, lasso, elasticnet, xgboost or rf (ols has no"
                + " hyperparameters to search), got '" + trainer + "'");
    }
}
