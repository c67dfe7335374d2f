package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;

/**
 * The first Wasserstein (earth mover's) distance between two samples, {@code integral |F_u - F_v|} over
 * the pooled values (scipy's {@code wasserstein_distance}), and Evidently's normed form: divided by the
 * reference's population standard deviation, floored at 0.001. One merge walk over the sorted samples,
 * summed with Neumaier compensation so that millions of terms keep their precision.
 */
public final class WassersteinDistance {
    /** Evidently's floor under the reference's standard deviation. */
    public static final double MIN_NORM = 0.001;

    private WassersteinDistance() {}

    /** The distance between two ascending samples. */
    public static double ofSorted(double[] u, double[] v) {
        return walk(u, v).distance();
    }

    /** The distance and the number of distinct values of both samples pooled, which the same merge walk visits. */
    record Walk(double distance, int pooledDistinct) {}

    /** The merge walk over two ascending samples: the distance and the pooled distinct values. */
    static Walk walk(double[] u, double[] v) {
        LatheException.check(u.length > 0 && v.length > 0, "the Wasserstein distance needs non-empty samples");
        int n = u.length;
        int m = v.length;
        int i = 0;
        int j = 0;
        double sum = 0;
        double compensation = 0;
        double previous = Math.min(u[0], v[0]);
        int distinct = 0;
        while (i < n || j < m) {
            distinct++;
            double z = j >= m || (i < n && u[i] <= v[j]) ? u[i] : v[j];
            double term = Math.abs((double) i / n - (double) j / m) * (z - previous);
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            while (i < n && u[i] == z) {
                i++;
            }
            while (j < m && v[j] == z) {
                j++;
            }
            previous = z;
        }
        return new Walk(sum + compensation, distinct);
    }

    /** Evidently's {@code wasserstein} score: the distance over {@code max(std(reference), 0.001)}. */
    public static double normedSorted(double[] sortedReference, double[] sortedCurrent) {
        return normed(ofSorted(sortedReference, sortedCurrent), sortedReference);
    }

    /** Evidently's norming of a distance {@code w} by the reference's standard deviation. */
    static double normed(double w, double[] reference) {
        return w / Math.max(std(reference), MIN_NORM);
    }

    /** numpy's {@code np.std(x)}: the population standard deviation (ddof = 0), two passes. */
    static double std(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / x.length);
    }
}
