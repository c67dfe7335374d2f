package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.tlc.TlcRecipes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The recipe options shared by commands that prepare a table: {@code --target}, {@code --categorical},
 * {@code --numerical}, {@code --filter} and {@code --derive}. Without {@code --target} the TLC
 * trip-duration recipe applies (plus any filters and derived columns given).
 */
public final class FeatureOptions {
    @Option(
            names = "--target",
            paramLabel = "COLUMN",
            description = "Column to predict, in any Parquet or CSV table (a raw column or one made by --derive)."
                    + " Default: none, which means the TLC trip-duration recipe (minutes from pickup to"
                    + " dropoff, trips of 1..60 minutes kept).")
    String target;

    @Option(
            names = "--categorical",
            split = ",",
            paramLabel = "COLUMN",
            description = "Categorical feature columns, one-hot encoded (default: " + TlcRecipes.PU_DO
                    + " with the TLC recipe, none with --target).")
    List<String> categorical;

    @Option(
            names = "--numerical",
            split = ",",
            paramLabel = "COLUMN",
            description = "Numerical feature columns (default: " + TlcRecipes.TRIP_DISTANCE
                    + " with the TLC recipe, none with --target).")
    List<String> numerical;

    @Option(
            names = "--filter",
            paramLabel = "EXPR",
            description = "Keep only the rows where EXPR holds; repeatable, rows removed are counted per filter"
                    + " (default: none). EXPR: " + RowFilter.GRAMMAR + ". A missing value fails every"
                    + " comparison. Example: --filter 'fare_amount > 0' --filter 'trip_distance between 0 and 100'.")
    List<String> filters = new ArrayList<>();

    @Option(
            names = "--derive",
            paramLabel = "NAME=FUNCTION(COLUMNS)",
            description = "Add a derived column; repeatable (default: none). " + DerivedColumn.GRAMMAR
                    + ". Example: --derive 'PU_DO=concat(PULocationID,DOLocationID)'.")
    List<String> derived = new ArrayList<>();

    /** The recipe these options describe. */
    public Recipe recipe() {
        Recipe.Builder b;
        if (target == null) {
            b = TlcRecipes.duration(
                    categorical != null ? categorical : List.of(TlcRecipes.PU_DO),
                    numerical != null ? numerical : List.of(TlcRecipes.TRIP_DISTANCE))
                    .toBuilder();
        } else {
            LatheException.check(
                    categorical != null || numerical != null,
                    "--target %s needs features: give --categorical and/or --numerical",
                    target);
            b = Recipe.builder(target)
                    .categorical(categorical != null ? categorical : List.of())
                    .numerical(numerical != null ? numerical : List.of());
        }
        for (String d : derived) {
            b.derive(parsed("--derive", d, () -> DerivedColumn.parse(d)));
        }
        for (String f : filters) {
            b.filter(parsed("--filter", f, () -> RowFilter.parse(f)));
        }
        return b.build();
    }

    private static <T> T parsed(String option, String text, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (LatheException e) {
            throw new InvalidParameterException(option + " '" + text + "': " + e.getMessage(), e);
        }
    }
}
