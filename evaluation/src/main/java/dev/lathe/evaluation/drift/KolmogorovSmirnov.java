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

    /** {@code sup |F_x(z) - F_y(z)|} of two ascending samples, by one merge walk. */
    static double statistic(double[] sx, double[] sy) {
        int n = sx.length;
        int m = sy.length;
        int rankX = 0;
        int rankY = 0;
        long cur = 0;
        long sup = 0;
        do {
            double z = Double.compare(sx[rankX], sy[rankY]) <= 0 ? sx[rankX] : sy[rankY];
            while (rankX < n && Double.compare(sx[rankX], z) == 0) {
                rankX++;
                cur += m;
            }
            while (rankY < m && Double.compare(sy[rankY], z) == 0) {
                rankY++;
                cur -= n;
            }
            sup = Math.max(sup, Math.abs(cur));
        } while (rankX < n && rankY < m);
        return sup / ((double) n * (long) m);
    }
}
