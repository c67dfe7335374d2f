package dev.lathe.core.features;

import dev.lathe.core.LatheException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column-major feature values ready for encoding: categorical columns as strings and numerical columns
 * as doubles, all of the same length. It is what the recipe produces and the {@link DictVectorizer}
 * consumes, for a whole table or for a single record being served.
 */
public record FeatureFrame(Map<String, String[]> categorical, Map<String, double[]> numerical, int rows) {
    public FeatureFrame {
        categorical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        numerical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numerical));
        LatheException.check(rows >= 0, "rows must be >= 0, got %d", rows);
        for (Map.Entry<String, String[]> e : categorical.entrySet()) {
            LatheException.check(
                    e.getValue().length == rows,
                    "categorical column '%s' has %d values, expected %d",
                    e.getKey(),
                    e.getValue().length,
                    rows);
        }
        for (Map.Entry<String, double[]> e : numerical.entrySet()) {
            LatheException.check(
                    e.getValue().length == rows,
                    "numerical column '%s' has %d values, expected %d",
                    e.getKey(),
                    e.getValue().length,
                    rows);
        }
    }

    /** A one-row frame, for serving a single record. */
    public static FeatureFrame single(Map<String, String> categoricalValues, Map<String, Double> numericalValues) {
        Map<String, String[]> c = new LinkedHashMap<>();
        categoricalValues.forEach((k, v) -> c.put(k, new String[] {v}));
        Map<String, double[]> n = new LinkedHashMap<>();
        numericalValues.forEach((k, v) -> n.put(k, new double[] {v}));
        return new FeatureFrame(c, n, 1);
    }

    public List<String> categoricalNames() {
        return List.copyOf(categorical.keySet());
    }

    public List<String> numericalNames() {
        return List.copyOf(numerical.keySet());
    }
}
