package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import java.util.Arrays;

/**
 * Population stability index between a reference and a current sample:
 *
 * <pre>PSI = sum over bins i of (c_i - r_i) * ln(c_i / r_i)</pre>
 *
 * where {@code r_i} and {@code c_i} are the fractions of the reference and current samples in bin i,
 * each floored at {@code epsilon} so that empty bins give a large but finite term. Numeric bins are cut
 * at the reference sample's quantiles {@code 1/B .. (B-1)/B} (numpy's default linear interpolation),
 * duplicate cut points dropped, bins closed on the right: (-inf, q1], (q1, q2], ..., (q_{B-1}, +inf).
 * Categorical bins are the union of the categories seen in either sample, summed in the categories'
 * natural order. Scales to millions of values: numeric counts are {@code bins} binary searches into the
 * sorted samples ({@link #numericSorted}), categorical counts one hash lookup per value.
 */
public final class PopulationStabilityIndex {
    private PopulationStabilityIndex() {}

    /** PSI of a numeric feature over {@code bins} reference-quantile bins. */
    public static double numeric(double[] reference, double[] current, int bins, double epsilon) {
        double[] sortedReference = reference.clone();
        double[] sortedCurrent = current.clone();
        Arrays.sort(sortedReference);
        Arrays.sort(sortedCurrent);
        return numericSorted(sortedReference, sortedCurrent, bins, epsilon);
    }

    /** As {@link #numeric}, on samples already sorted in ascending order (neither is modified). */
    public static double numericSorted(double[] sortedReference, double[] sortedCurrent, int bins, double epsilon) {
        LatheException.check(sortedReference.length > 0 && sortedCurrent.length > 0, "PSI needs non-empty samples");
        LatheException.check(bins >= 2, "PSI bins must be >= 2, got %d", bins);
        double[] edges = edgesOfSorted(sortedReference, bins);
        long[] refCounts = sortedBinCounts(sortedReference, edges);
        long[] curCounts = sortedBinCounts(sortedCurrent, edges);
        return psi(refCounts, sortedReference.length, curCounts, sortedCurrent.length, epsilon);
    }

    /** PSI of a categorical feature over the union of categories. */
    public static double categorical(String[] reference, String[] current, double epsilon) {
        LatheException.check(reference.length > 0 && current.length > 0, "PSI needs non-empty samples");
        long[][] counts = DriftBins.CategoryCounts.of(reference, current);
        long[] r = counts[0];
        long[] c = counts[1];
        return psi(r, reference.length, c, current.length, epsilon);
    }

    /**
     * Evidently's {@code psi} score on shares already binned and zero-filled ({@link DriftBins}): {@code
     * sum (r_i - c_i) ln(r_i / c_i)}.
     */
    public static double ofShares(double[] reference, double[] current) {
        LatheException.check(
                reference.length == current.length && reference.length > 0,
                "PSI needs shares over the same bins, got %d and %d",
                reference.length,
                current.length);
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            sum += (reference[i] - current[i]) * Math.log(reference[i] / current[i]);
        }
        return sum;
    }

    /** The distinct interior cut points at the reference quantiles k/bins, k = 1..bins-1. */
    public static double[] quantileEdges(double[] reference, int bins) {
        LatheException.check(reference.length > 0, "PSI needs a non-empty reference sample");
        LatheException.check(bins >= 2, "PSI bins must be >= 2, got %d", bins);
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        return edgesOfSorted(sorted, bins);
    }

    private static double[] edgesOfSorted(double[] sorted, int bins) {
        double[] edges = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            edges[k - 1] = quantile(sorted, (double) k / bins);
        }
        Arrays.sort(edges);
        int distinct = 0;
        for (double q : edges) {
            if (distinct == 0 || Double.compare(q, edges[distinct - 1]) != 0) {
                edges[distinct++] = q;
            }
        }
        return Arrays.copyOf(edges, distinct);
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

    /** As {@link #binCounts} for ascending {@code sorted} values: one binary search per edge. */
    static long[] sortedBinCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int from = 0;
        for (int i = 0; i < edges.length; i++) {
            int to = upperBound(sorted, from, edges[i]);
            counts[i] = to - from;
            from = to;
        }
        counts[edges.length] = sorted.length - from;
        return counts;
    }

    /** The first index at or after {@code from} whose value is greater than {@code edge}. */
    private static int upperBound(double[] sorted, int from, double edge) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], edge) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
}
