package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;

/**
 * When a feature counts as drifted. A numeric feature is flagged when its PSI exceeds {@code
 * psiThreshold}, or when the two-sample KS p-value is below {@code ksPValueThreshold} and the KS
 * statistic is above {@code ksStatisticThreshold} (a floor that keeps tiny, merely "significant" shifts
 * of very large samples from being flagged; 0 disables it). A categorical feature is flagged on PSI.
 * PSI uses {@code bins} reference-quantile bins and floors empty-bin proportions at {@code epsilon}.
 */
public record DriftThresholds(
        int bins, double epsilon, double psiThreshold, double ksPValueThreshold, double ksStatisticThreshold) {

    public DriftThresholds {
        LatheException.check(bins >= 2, "PSI bins must be >= 2, got %d", bins);
        LatheException.check(epsilon > 0 && epsilon < 0.01, "PSI epsilon must be > 0 and < 0.01, got %s", epsilon);
        LatheException.check(
                Double.isFinite(psiThreshold) && psiThreshold > 0, "psiThreshold must be > 0, got %s", psiThreshold);
        LatheException.check(
                ksPValueThreshold > 0 && ksPValueThreshold < 1,
                "ksPValueThreshold must be > 0 and < 1, got %s",
                ksPValueThreshold);
        LatheException.check(
                ksStatisticThreshold >= 0 && ksStatisticThreshold < 1,
                "ksStatisticThreshold must be >= 0 and < 1, got %s",
                ksStatisticThreshold);
    }

    /**
     * The usual rule of thumb: 10 bins, epsilon 1e-4, PSI above 0.2 is a significant shift, KS at the
     * 5% level with a statistic floor of 0.1.
     */
    public static DriftThresholds defaults() {
        return new DriftThresholds(10, 1e-4, 0.2, 0.05, 0.1);
    }
}
