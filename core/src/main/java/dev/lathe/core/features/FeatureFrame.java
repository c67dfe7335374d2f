package dev.lathe.core.features;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column-major feature values ready for encoding: categorical columns dictionary-encoded
 * ({@link CategoricalColumn}) and numerical columns as doubles, all of the same length. It is what the
 * recipe produces and the {@link DictVectorizer} consumes, for a whole table or for a single record being
 * served.
 */
public final class FeatureFrame {
    private final Map<String, CategoricalColumn> categorical;
    private final Map<String, double[]> numerical;
    private final int rows;

    /** A frame of categorical columns given as one string per row (encoded here) and numerical columns. */
    public FeatureFrame(Map<String, String[]> categorical, Map<String, double[]> numerical, int rows) {
        this(rows, encode(categorical), numerical);
    }

    private FeatureFrame(int rows, Map<String, CategoricalColumn> categorical, Map<String, double[]> numerical) {
        this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        this.numerical = Collections.unmodifiableMap(new LinkedHashMap<>(numerical));
        this.rows = rows;
        LatheException.check(rows >= 0, "rows must be >= 0, got %d", rows);
        this.categorical.forEach((name, c) -> checkLength("categorical", name, c.rows(), rows));
        this.numerical.forEach((name, v) -> checkLength("numerical", name, v.length, rows));
    }

    /** A frame of already encoded categorical columns and numerical columns (arrays are not copied). */
    public static FeatureFrame encoded(
            Map<String, CategoricalColumn> categorical, Map<String, double[]> numerical, int rows) {
        return new FeatureFrame(rows, categorical, numerical);
    }

    /** A one-row frame, for serving a single record. */
    public static FeatureFrame single(Map<String, String> categoricalValues, Map<String, Double> numericalValues) {
        Map<String, String[]> c = new LinkedHashMap<>();
        categoricalValues.forEach((k, v) -> c.put(k, new String[] {v}));
        Map<String, double[]> n = new LinkedHashMap<>();
        numericalValues.forEach((k, v) -> n.put(k, new double[] {v}));
        return new FeatureFrame(c, n, 1);
    }

    /** The categorical columns, encoded, in insertion order. */
    public Map<String, CategoricalColumn> categoricalColumns() {
        return categorical;
    }

    /**
     * The categorical columns as one string per row, in insertion order. Each call builds the arrays
     * (references to the dictionaries' strings, four bytes a row); encoders read
     * {@link #categoricalColumns()} instead.
     */
    public Map<String, String[]> categorical() {
        Map<String, String[]> out = new LinkedHashMap<>();
        categorical.forEach((name, c) -> out.put(name, c.values()));
        return Collections.unmodifiableMap(out);
    }

    /** The numerical columns in insertion order; the arrays are read-only by contract. */
    public Map<String, double[]> numerical() {
        return numerical;
    }

    public int rows() {
        return rows;
    }

    public List<String> categoricalNames() {
        return List.copyOf(categorical.keySet());
    }

    public List<String> numericalNames() {
        return List.copyOf(numerical.keySet());
    }

    private static Map<String, CategoricalColumn> encode(Map<String, String[]> categorical) {
        Map<String, CategoricalColumn> out = new LinkedHashMap<>();
        categorical.forEach((name, values) -> out.put(name, CategoricalColumn.of(values)));
        return out;
    }

    private static void checkLength(String kind, String name, int length, int rows) {
        LatheException.check(length == rows, "%s column '%s' has %d values, expected %d", kind, name, length, rows);
    }
}
