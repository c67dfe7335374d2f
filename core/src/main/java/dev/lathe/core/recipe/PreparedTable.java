package dev.lathe.core.recipe;

import dev.lathe.core.features.FeatureFrame;

/**
 * A recipe's output for one table: the kept rows' features as a {@link FeatureFrame}, their target
 * values, and the {@link PrepReport} of what was read, removed and kept.
 */
public record PreparedTable(FeatureFrame features, double[] target, PrepReport report) {
    public int rows() {
        return target.length;
    }
}
