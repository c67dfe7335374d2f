package dev.lathe.evaluation.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric reference columns of some drift samples sorted once, for checking many current batches
 * (a month by day) against one reference without sorting it again for every batch. A column is used only
 * for the very reference array it was sorted from.
 */
public final class SortedReference {
    private record Column(double[] source, double[] sorted) {}

    private final Map<String, Column> columns;

    private SortedReference(Map<String, Column> columns) {
        this.columns = Collections.unmodifiableMap(columns);
    }

    /** Sorts every numeric reference sample of {@code samples}, a column a core. */
    public static SortedReference of(DriftSamples samples) {
        List<Map.Entry<String, DriftSamples.Numeric>> numeric =
                List.copyOf(samples.numeric().entrySet());
        double[][] sorted = new double[numeric.size()][];
        java.util.stream.IntStream.range(0, sorted.length)
                .parallel()
                .forEach(i -> sorted[i] =
                        RadixSort.sortedCopy(numeric.get(i).getValue().reference()));
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            columns.put(
                    numeric.get(i).getKey(),
                    new Column(numeric.get(i).getValue().reference(), sorted[i]));
        }
        return new SortedReference(columns);
    }

    /** The sorted copy of {@code reference} for {@code column}, or null when it was sorted from another array. */
    double[] sorted(String column, double[] reference) {
        Column c = columns.get(column);
        return c != null && c.source() == reference ? c.sorted() : null;
    }
}
