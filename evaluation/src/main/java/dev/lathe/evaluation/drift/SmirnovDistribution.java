package dev.lathe.evaluation.drift;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The survival function {@code P(D+_n >= x)} of the one-sided one-sample Kolmogorov-Smirnov statistic,
 * scipy's {@code special.smirnov(n, x)} with the same special cases and cut-overs (xsf's cephes {@code
 * _smirnov}): Smirnov's (Birnbaum-Tingey's) lower sum {@code x * sum_v C(n, v) (x + v/n)^(v-1) (1 - x -
 * v/n)^(n-v)}, each term a binomial probability over {@code x + v/n} (Loader's saddle-point form, so that
 * no binomial coefficient overflows), stopped as scipy stops once the rest cannot matter.
 */
final class SmirnovDistribution {
    /** scipy's {@code SMIRNOV_MAX_COMPUTE_N}: beyond it, an approximation. */
    private static final int MAX_COMPUTE_N = 1_000_000;
    /** cephes' {@code MINLOG}, {@code log(2^-1075)}. */
    private static final double MIN_LOG = -7.451332191019412076235e2;

    private static final int SCALE = 600;
    private static final double LOG_SCALE = SCALE * Math.log(2);

    private SmirnovDistribution() {}

    static double survival(int n, double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // floor(n x) and its remainder exactly (n x = hi + lo, lo the product's rounding error)
        double hi = (double) n * x;
        double lo = Math.fma(n, x, -hi);
        double floor = Math.floor(hi);
        double alpha = (hi - floor) + lo;
        int nxFloor = (int) floor;
        if (alpha < 0) {
            nxFloor -= 1;
            alpha += 1;
        }
        if (alpha >= 1) {
            nxFloor += 1;
            alpha = 0;
        }
        int lastLower = n - nxFloor - (alpha == 0 ? 0 : 1);
        if (alpha == 0) {
            lastLower -= 1;
        }
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0)) {
            return 1 - x * Math.pow(1 + x, n - 1);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0.0;
        }
        if (nxFloor >= n - 1) {
            return Math.pow(1 - x, n);
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -Math.log(2) ? Math.exp(logp) : 1 + Math.expm1(logp);
        }
        return lowerSum(n, x, lastLower + 1);
    }

    /** {@code x * sum_{v < terms} A_v}, {@code A_0 = (1 - x)^n / x}, {@code A_v = Binomial(n, x + v/n).pmf(v) / (x + v/n)}. */
    private static double lowerSum(int n, double x, int terms) {
        // every term scaled by 2^SCALE so that a tail near the smallest double keeps its digits
        double sum = Math.exp(n * Math.log1p(-x) + LOG_SCALE) / x;
        int middle = n / 2;
        for (int v = 1; v < terms; v++) {
            double p = x + (double) v / n;
            double a = p >= 1 ? 0.0 : Math.exp(new BinomialDistribution(null, n, p).logProbability(v) + LOG_SCALE) / p;
            if (Double.isFinite(a) && a != 0.0) {
                sum += a;
                if (4.0 * (terms - v) * Math.abs(a) < Math.ulp(1.0) * sum && v != terms - 1) {
                    break;
                }
            } else if (v > middle) {
                break;
            }
        }
        return Math.min(1.0, Math.max(0.0, Math.scalb(x * sum, -SCALE)));
    }
}
