package dev.lathe.tuning.sampler;

import java.util.random.RandomGenerator;

/**
 * A joint Parzen estimator over several parameters (Optuna's {@code multivariate=True} TPE): one
 * product kernel per observation plus a broad prior, so that a sampled point keeps the combination of
 * values that made an observation good instead of mixing coordinates of different observations.
 * Numeric coordinates use truncated Gaussians with Scott-like widths {@code 0.2 n^(-1/(d+4)) (high -
 * low)}; categorical coordinates put {@code 1 + prior/k} on the observed category and {@code prior/k}
 * on the others (normalised); the prior component is the broad Gaussian / uniform categories.
 */
final class MultivariateParzenEstimator {
    private static final double SIGMA0 = 0.2;

    private final double[] low;
    private final double[] high;
    private final int[] categories;
    private final double[][] mus;
    private final double[][] sigmas;
    private final double[] logWeights;
    private final double priorWeight;

    /**
     * @param observations one row per observation, one column per parameter, in internal coordinates
     * @param categories per parameter: the number of categories, or 0 for a numeric parameter
     */
    MultivariateParzenEstimator(
            double[][] observations, double[] low, double[] high, int[] categories, double priorWeight) {
        this.low = low;
        this.high = high;
        this.categories = categories;
        this.priorWeight = priorWeight;
        int n = observations.length;
        int d = low.length;
        mus = new double[n + 1][d];
        sigmas = new double[n + 1][d];
        logWeights = new double[n + 1];
        double total = priorWeight + n;
        logWeights[0] = Math.log(priorWeight / total);
        double shrink = SIGMA0 * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            double range = Math.max(high[j] - low[j], 1e-12);
            mus[0][j] = 0.5 * (low[j] + high[j]);
            sigmas[0][j] = range;
            for (int i = 0; i < n; i++) {
                mus[i + 1][j] = observations[i][j];
                sigmas[i + 1][j] = Math.max(range * shrink, range / 100);
            }
        }
        for (int i = 0; i < n; i++) {
            logWeights[i + 1] = Math.log(1.0 / total);
        }
    }

    /** Draws a point: picks a component by weight, then each coordinate from that component. */
    double[] sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int k = 0;
        double acc = Math.exp(logWeights[0]);
        while (u > acc && k < logWeights.length - 1) {
            k++;
            acc += Math.exp(logWeights[k]);
        }
        double[] x = new double[low.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = categories[j] > 0 ? sampleCategory(k, j, rng) : sampleNumeric(k, j, rng);
        }
        return x;
    }

    private double sampleNumeric(int k, int j, RandomGenerator rng) {
        return Gaussians.sampleTruncated(mus[k][j], sigmas[k][j], low[j], high[j], rng);
    }

    private double sampleCategory(int k, int j, RandomGenerator rng) {
        int n = categories[j];
        double u = rng.nextDouble();
        double acc = 0;
        for (int c = 0; c < n - 1; c++) {
            acc += categoryProbability(k, j, c);
            if (u <= acc) {
                return c;
            }
        }
        return n - 1;
    }

    private double categoryProbability(int k, int j, int c) {
        int n = categories[j];
        if (k == 0) {
            return 1.0 / n;
        }
        double hit = c == (int) Math.round(mus[k][j]) ? 1 : 0;
        return (hit + priorWeight / n) / (1 + priorWeight);
    }

    /** The log density of the mixture at {@code x}. */
    double logPdf(double[] x) {
        double[] terms = new double[logWeights.length];
        for (int k = 0; k < terms.length; k++) {
            double t = logWeights[k];
            for (int j = 0; j < x.length; j++) {
                if (categories[j] > 0) {
                    t += Math.log(categoryProbability(k, j, (int) Math.round(x[j])));
                } else {
                    double s = sigmas[k][j];
                    double z = (x[j] - mus[k][j]) / s;
                    double mass = Gaussians.cdf((high[j] - mus[k][j]) / s) - Gaussians.cdf((low[j] - mus[k][j]) / s);
                    t += -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI) - Math.log(Math.max(mass, 1e-300));
                }
            }
            terms[k] = t;
        }
        return Gaussians.logSumExp(terms);
    }
}
