package dev.lathe.tuning.sampler;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A one-dimensional mixture of Gaussians truncated to [low, high], one component per observation plus
 * a broad prior at the centre (hyperopt's adaptive Parzen estimator): each component's width is the
 * larger gap to its sorted neighbours, clipped to [(high - low) / min(100, n + 1), high - low].
 */
final class ParzenEstimator {
    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] logNorm;

    ParzenEstimator(double[] observations, double low, double high, double priorWeight) {
        this.low = low;
        this.high = high;
        double priorMu = 0.5 * (low + high);
        double priorSigma = Math.max(high - low, 1e-12);
        int n = observations.length;
        double[] sorted = observations.clone();
        Arrays.sort(sorted);
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        weights = new double[n + 1];
        // components: the prior first, then the sorted observations
        mus[0] = priorMu;
        sigmas[0] = priorSigma;
        weights[0] = priorWeight;
        double[] all = new double[n + 1];
        System.arraycopy(sorted, 0, all, 0, n);
        all[n] = priorMu;
        Arrays.sort(all);
        double minSigma = priorSigma / Math.min(100.0, n + 1.0);
        for (int i = 0; i < n; i++) {
            double x = sorted[i];
            int pos = Arrays.binarySearch(all, x);
            double left = pos > 0 ? x - all[pos - 1] : x - low;
            double right = pos < n ? all[pos + 1] - x : high - x;
            double s = Math.max(left, right);
            mus[i + 1] = x;
            sigmas[i + 1] = Math.max(minSigma, Math.min(priorSigma, s));
            weights[i + 1] = 1.0;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        logNorm = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            weights[i] /= total;
            double z = Gaussians.cdf((high - mus[i]) / sigmas[i]) - Gaussians.cdf((low - mus[i]) / sigmas[i]);
            logNorm[i] = Math.log(weights[i])
                    - Math.log(Math.max(z, 1e-300))
                    - Math.log(sigmas[i])
                    - 0.5 * Math.log(2 * Math.PI);
        }
    }

    double sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int k = 0;
        double acc = weights[0];
        while (u > acc && k < weights.length - 1) {
            k++;
            acc += weights[k];
        }
        return Gaussians.sampleTruncated(mus[k], sigmas[k], low, high, rng);
    }

    double logPdf(double x) {
        double[] terms = new double[mus.length];
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            terms[i] = logNorm[i] - 0.5 * z * z;
        }
        return Gaussians.logSumExp(terms);
    }
}
