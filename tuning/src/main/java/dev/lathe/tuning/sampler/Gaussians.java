package dev.lathe.tuning.sampler;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/** The truncated-Gaussian arithmetic the Parzen estimators share: cdf, sampling, log-sum-exp. */
final class Gaussians {
    private static final double SQRT2 = Math.sqrt(2);

    private Gaussians() {}

    /** The standard normal cdf. */
    static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z / SQRT2));
    }

    /** A draw from N(mu, sigma) truncated to [low, high], by inverting the cdf. */
    static double sampleTruncated(double mu, double sigma, double low, double high, RandomGenerator rng) {
        double a = cdf((low - mu) / sigma);
        double b = cdf((high - mu) / sigma);
        double p = Math.min(1 - 1e-16, Math.max(1e-16, a + rng.nextDouble() * (b - a)));
        double x = mu + sigma * SQRT2 * Erf.erfInv(2 * p - 1);
        return Math.max(low, Math.min(high, x));
    }

    /** log(sum(exp(terms))) without overflow. */
    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
