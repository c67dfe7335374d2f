package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Population stability index between a reference and a current sample:
 *
 * <pre>PSI = sum over bins i of (c_i - r_i) * ln(c_i / r_i)</pre>
 *
 * where {@code r_i} and {@code c_i} are the fractions of the reference and current samples in bin i,
 * each floored at {@code epsilon} so that empty bins give a large but finite term. Numeric bins are cut
 * at the reference sample's quantiles {@code 1/B .. (B-1)/B} (numpy's default linear interpolation),
 * duplicate cut points dropped, bins closed on the right: (-inf, q1], (q1, q2], ..., (q_{B-1}, +inf).
 * Categorical bins are the union of the categories seen in either sample.
 */
public final class PopulationStabilityIndex {
    private PopulationStabilityIndex() {}

    /** PSI of a numeric feature over {@code bins} reference-quantile bins. */
    public static double numeric(double[] reference, double[] current, int bins, double epsilon) {
        double[] edges = quantileEdges(reference, bins);
        long[] refCounts = binCounts(reference, edges);
        long[] curCounts = binCounts(current, edges);
        return psi(refCounts, reference.length, curCounts, current.length, epsilon);
    }

    /** PSI of a categorical feature over the union of categories. */
    public static double categorical(String[] reference, String[] current, double epsilon) {
        LatheException.check(reference.length > 0 && current.length > 0, "PSI needs non-empty samples");
        Map<String, Long> ref = counts(reference);
        Map<String, Long> cur = counts(current);
        TreeSet<String> categories = new TreeSet<>(ref.keySet());
        categories.addAll(cur.keySet());
        long[] r = new long[categories.size()];
        long[] c = new long[categories.size()];
        int i = 0;
        for (String category : categories) {
            r[i] = ref.getOrDefault(category, 0L);
            c[i] = cur.getOrDefault(category, 0L);
            i++;
        }
        return psi(r, reference.length, c, current.length, epsilon);
    }

    /** The distinct interior cut points at the reference quantiles k/bins, k = 1..bins-1. */
    public static double[] quantileEdges(double[] reference, int bins) {
        LatheException.check(reference.length > 0, "PSI needs a non-empty reference sample");
        LatheException.check(bins >= 2, "PSI bins must be >= 2, got %d", bins);
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        TreeSet<Double> edges = new TreeSet<>();
        for (int k = 1; k < bins; k++) {
            edges.add(quantile(sorted, (double) k / bins));
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** numpy's {@code np.quantile(sorted, q)} with the default "linear" method. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /** How many values fall in each right-closed bin delimited by {@code edges}. */
    static long[] binCounts(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            int idx = Arrays.binarySearch(edges, v);
            int bin = idx >= 0 ? idx : -idx - 1;
            counts[bin]++;
        }
        return counts;
    }

    private static double psi(long[] ref, long refTotal, long[] cur, long curTotal, double epsilon) {
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            double r = Math.max((double) ref[i] / refTotal, epsilon);
            double c = Math.max((double) cur[i] / curTotal, epsilon);
            sum += (c - r) * Math.log(c / r);
        }
        return sum;
    }

    private static Map<String, Long> counts(String[] values) {
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            LatheException.check(values[i] != null, "categorical value must not be null, got null at index %d", i);
            m.merge(values[i], 1L, Long::sum);
        }
        return m;
    }
}
