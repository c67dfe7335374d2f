package dev.lathe.core.prep;

import dev.lathe.core.features.FeatureFrame;
import tech.tablesaw.api.Table;

/**
 * The recipe's output for one file: the kept rows as a table (duration plus feature columns), the
 * same features as a {@link FeatureFrame}, the target in minutes, and the {@link PrepReport}.
 */
public record PreparedTrips(Table table, FeatureFrame features, double[] durationMinutes, PrepReport report) {
    public int rows() {
        return durationMinutes.length;
    }
}
