package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov statistic and p-value from samples sorted once, so that a drift check
 * sorts each sample of millions of values once (primitive sorts, no boxing) instead of twice per call
 * as commons-math3 does. Equal to commons-math3's {@link KolmogorovSmirnovTest}, non-strict, on the
 * same data: the statistic is computed the same integral way ({@code max |i*m - j*n| / (n*m)} over the
 * merged order), the p-value is commons-math3's asymptotic {@code approximateP} when {@code n*m >=
 * 10000} and, below that, commons-math3's own exact test (which breaks ties first) on the small samples.
 */
public final class KolmogorovSmirnov {
    /** commons-math3's threshold between the exact and the asymptotic p-value. */
    static final long LARGE_SAMPLE_PRODUCT = 10000;

    private KolmogorovSmirnov() {}

    /** The statistic {@code D} and its p-value {@code P(D >= d)}. */
    public record Result(double statistic, double pValue) {}

    /**
     * KS of {@code reference} against {@code current}, given also both sorted in ascending order
     * ({@link java.util.Arrays#sort(double[])}); the small-sample exact test breaks ties with
     * commons-math3's seeded jitter in the samples' own order, hence the unsorted samples too.
     */
    public static Result of(double[] reference, double[] current, double[] sortedReference, double[] sortedCurrent) {
        LatheException.check(reference.length > 0 && current.length > 0, "KS needs non-empty samples");
        LatheException.check(
                sortedReference.length == reference.length && sortedCurrent.length == current.length,
                "KS: the sorted samples must be the samples' sorted copies");
        long product = (long) reference.length * current.length;
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        if (product < LARGE_SAMPLE_PRODUCT) {
            return new Result(
                    ks.kolmogorovSmirnovStatistic(reference, current),
                    ks.kolmogorovSmirnovTest(reference, current, false));
        }
        double d = statistic(sortedReference, sortedCurrent);
        return new Result(d, ks.approximateP(d, reference.length, current.length));
    }

    /**
     * KS of two ascending samples as scipy's {@code ks_2samp(x, y)} with its default {@code method="auto"}
     * and {@code alternative="two-sided"} (Evidently's {@code ks} test): the exact p-value when both sizes
     * are at most {@value #SCIPY_MAX_EXACT_N} (lattice paths, {@link KolmogorovSmirnovExact}), else the
     * one-sample Kolmogorov distribution's survival at {@code round(n*m/(n+m))} (numpy's half-to-even
     * rounding), scipy's {@code kstwo.sf} ({@link KolmogorovDistribution}). The statistic is {@code h / lcm(n,
     * m)}, the integer {@code h} of the merge walk, as scipy rounds it.
     */
    public static Result twoSided(double[] sortedReference, double[] sortedCurrent) {
        LatheException.check(sortedReference.length > 0 && sortedCurrent.length > 0, "KS needs non-empty samples");
        int n = sortedReference.length;
        int m = sortedCurrent.length;
        long g = gcd(n, m);
        long h = supremum(sortedReference, sortedCurrent) / g;
        long lcm = (n / g) * (long) m;
        double d = (double) h / lcm;
        if (Math.max(n, m) <= SCIPY_MAX_EXACT_N) {
            double p = KolmogorovSmirnovExact.pValue(n, m, (int) g, h);
            if (!Double.isNaN(p)) {
                return new Result(d, p);
            }
        }
        // numpy's round: half to even (10,001 a side gives 5,000.5, which scipy takes as 5,000)
        double en = Math.rint((double) Math.max(n, m) * Math.min(n, m) / ((double) n + m));
        return new Result(d, KolmogorovDistribution.survival((int) en, d));
    }

    /** scipy's {@code MAX_AUTO_N}: {@code method="auto"} is exact when both sizes are at most this. */
    public static final int SCIPY_MAX_EXACT_N = 10000;

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code sup |F_x(z) - F_y(z)|} of two ascending samples, by one merge walk. */
    static double statistic(double[] sx, double[] sy) {
        return supremum(sx, sy) / ((double) sx.length * (long) sy.length);
    }

    /**
     * {@code n * m * sup |F_x(z) - F_y(z)|}, an integer, by one merge walk over two ascending samples
     * ({@code -0.0} and {@code 0.0} are one value, as for numpy).
     */
    private static long supremum(double[] sx, double[] sy) {
        int n = sx.length;
        int m = sy.length;
        int rankX = 0;
        int rankY = 0;
        long cur = 0;
        long sup = 0;
        do {
            double z = Double.compare(sx[rankX], sy[rankY]) <= 0 ? sx[rankX] : sy[rankY];
            while (rankX < n && sx[rankX] == z) {
                rankX++;
                cur += m;
            }
            while (rankY < m && sy[rankY] == z) {
                rankY++;
                cur -= n;
            }
            sup = Math.max(sup, Math.abs(cur));
        } while (rankX < n && rankY < m);
        return sup;
    }
}
