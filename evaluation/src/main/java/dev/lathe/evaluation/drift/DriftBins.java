package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two samples' shares over common bins, as Evidently's {@code get_binned_data} cuts them for the
 * Jensen-Shannon and PSI tests: a numeric sample whose reference has more than {@value
 * #MIN_DISTINCT_FOR_HISTOGRAM} distinct values in numpy's {@code histogram_bin_edges(pooled,
 * bins="sturges")} bins (equal widths over the pooled range, {@code ceil(log2(n) + 1)} of them, the last
 * closed on the right); any other sample by value, over the values either side has. With {@code
 * fillZeroes} an empty bin's share becomes the side's smallest non-zero share / 1e6 when that is at most
 * 1e-4, else 1e-4.
 */
public final class DriftBins {
    /** A numeric reference needs more distinct values than this to be cut into a histogram. */
    public static final int MIN_DISTINCT_FOR_HISTOGRAM = 20;

    private DriftBins() {}

    /** Both sides' shares over the same bins. */
    public record Shares(double[] reference, double[] current) {}

    /** Shares of two ascending numeric samples. */
    public static Shares numeric(double[] sortedReference, double[] sortedCurrent, boolean fillZeroes) {
        LatheException.check(sortedReference.length > 0 && sortedCurrent.length > 0, "binning needs non-empty samples");
        Shares s = distinct(sortedReference) > MIN_DISTINCT_FOR_HISTOGRAM
                ? histogram(sortedReference, sortedCurrent)
                : byValue(sortedReference, sortedCurrent);
        return fillZeroes ? new Shares(filled(s.reference()), filled(s.current())) : s;
    }

    /** Shares of two categorical samples, by category. */
    public static Shares categorical(String[] reference, String[] current, boolean fillZeroes) {
        LatheException.check(reference.length > 0 && current.length > 0, "binning needs non-empty samples");
        return ofCounts(CategoryCounts.of(reference, current), fillZeroes);
    }

    /** Shares of counts [reference, current] over the same bins, each side over its own total. */
    static Shares ofCounts(long[][] counts, boolean fillZeroes) {
        Shares s = new Shares(
                shares(counts[0], Arrays.stream(counts[0]).sum()),
                shares(counts[1], Arrays.stream(counts[1]).sum()));
        return fillZeroes ? new Shares(filled(s.reference()), filled(s.current())) : s;
    }

    /** How many distinct values an ascending sample has ({@code -0.0 == 0.0}, as for numpy). */
    static int distinct(double[] sorted) {
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                k++;
            }
        }
        return k;
    }

    private static Shares histogram(double[] ref, double[] cur) {
        double first = Math.min(ref[0], cur[0]);
        double last = Math.max(ref[ref.length - 1], cur[cur.length - 1]);
        long pooled = (long) ref.length + cur.length;
        double width = (last - first) / (log2(pooled) + 1.0);
        int bins = (int) Math.ceil((last - first) / width);
        double step = (last - first) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        return new Shares(shares(counts(ref, edges), ref.length), shares(counts(cur, edges), cur.length));
    }

    /** numpy's {@code log2}, exact on powers of two. */
    private static double log2(long n) {
        return Long.bitCount(n) == 1 ? Long.numberOfTrailingZeros(n) : Math.log(n) / Math.log(2);
    }

    /** numpy's {@code histogram(sorted, edges)} counts: [e_k, e_k+1), the last bin closed. */
    private static long[] counts(double[] sorted, double[] edges) {
        long[] out = new long[edges.length - 1];
        for (int k = 0; k < out.length; k++) {
            int lo = lowerBound(sorted, edges[k]);
            int hi = k == out.length - 1 ? upperBound(sorted, edges[k + 1]) : lowerBound(sorted, edges[k + 1]);
            out[k] = hi - lo;
        }
        return out;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Shares byValue(double[] ref, double[] cur) {
        long[][] counts = valueCounts(ref, cur);
        return new Shares(shares(counts[0], ref.length), shares(counts[1], cur.length));
    }

    /** Counts of each value either ascending sample has, in ascending value order: [reference, current]. */
    static long[][] valueCounts(double[] ref, double[] cur) {
        TreeMap<Double, long[]> counts = new TreeMap<>();
        add(ref, 0, counts);
        add(cur, 1, counts);
        long[][] out = new long[2][counts.size()];
        int k = 0;
        for (long[] rc : counts.values()) {
            out[0][k] = rc[0];
            out[1][k] = rc[1];
            k++;
        }
        return out;
    }

    private static void add(double[] sorted, int side, Map<Double, long[]> counts) {
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            counts.computeIfAbsent(sorted[i] + 0.0, v -> new long[2])[side] += j - i;
            i = j;
        }
    }

    /** Each count over {@code total}. */
    static double[] shares(long[] counts, long total) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / total;
        }
        return out;
    }

    /** Evidently's zero fill: an empty bin gets the smallest non-zero share / 1e6 if that is <= 1e-4, else 1e-4. */
    static double[] filled(double[] shares) {
        double min = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            if (s != 0) {
                min = Math.min(min, s);
            }
        }
        double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
        double[] out = shares.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = fill;
            }
        }
        return out;
    }

    /** Distinct values, ascending, and each one's count in two samples: counts[0] reference, counts[1] current. */
    record ValueCounts(double[] values, long[][] counts) {}

    /**
     * The distinct values of both (unsorted) samples pooled, ascending, with their counts, when there are
     * at most {@code limit} of them; null when there are more. One pass, no sort ({@code -0.0 == 0.0}).
     */
    static ValueCounts fewValueCounts(double[] a, double[] b, int limit) {
        double[] seen = new double[limit];
        long[][] counts = new long[2][limit];
        int k = 0;
        double[][] sides = {a, b};
        for (int side = 0; side < 2; side++) {
            long[] count = counts[side];
            for (double v : sides[side]) {
                int i = 0;
                while (i < k && seen[i] != v) {
                    i++;
                }
                if (i == k) {
                    if (k == limit) {
                        return null;
                    }
                    seen[k++] = v + 0.0;
                }
                count[i]++;
            }
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(seen[x], seen[y]));
        double[] values = new double[k];
        long[][] sorted = new long[2][k];
        for (int i = 0; i < k; i++) {
            values[i] = seen[order[i]];
            sorted[0][i] = counts[0][order[i]];
            sorted[1][i] = counts[1][order[i]];
        }
        return new ValueCounts(values, sorted);
    }

    /** Category counts of two string samples over their union, in the categories' natural order. */
    static final class CategoryCounts {
        private CategoryCounts() {}

        /** [reference counts, current counts], one entry per category either side has. */
        static long[][] of(String[] reference, String[] current) {
            Map<String, long[]> counts = new HashMap<>();
            count(reference, 0, counts);
            count(current, 1, counts);
            String[] keys = counts.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            long[][] out = new long[2][keys.length];
            for (int k = 0; k < keys.length; k++) {
                long[] rc = counts.get(keys[k]);
                out[0][k] = rc[0];
                out[1][k] = rc[1];
            }
            return out;
        }

        private static void count(String[] values, int side, Map<String, long[]> counts) {
            for (int i = 0; i < values.length; i++) {
                String v = values[i];
                if (v == null) {
                    throw new LatheException("categorical value must not be null, got null at index " + i);
                }
                counts.computeIfAbsent(v, x -> new long[2])[side]++;
            }
        }
    }
}
