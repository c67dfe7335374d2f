package dev.lathe.core.recipe;

import dev.lathe.core.features.FeatureFrame;
import tech.tablesaw.api.Table;

/**
 * A recipe's output for one table: the kept rows' features as a {@link FeatureFrame}, their target
 * values, the {@link PrepReport} of what was read, removed and kept, and the first rows of the table as
 * read ({@code inputSample}, at most {@link #SAMPLE_ROWS}), so that a model's input signature and
 * example come from the data already read instead of a second read of the file.
 */
public record PreparedTable(FeatureFrame features, double[] target, PrepReport report, Table inputSample) {
    /** How many rows of the table as read {@link #inputSample} keeps. */
    public static final int SAMPLE_ROWS = 1000;

    public int rows() {
        return target.length;
    }
}
