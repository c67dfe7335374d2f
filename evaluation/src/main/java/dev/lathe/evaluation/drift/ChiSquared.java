package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-squared goodness-of-fit of the current category counts against the reference shares
 * scaled to the current size (Evidently's {@code chisquare} test, scipy's {@code chisquare(f_obs,
 * f_exp)}): {@code sum (o - e)^2 / e} with {@code e = ref * n_cur / n_ref}, p-value the chi-squared
 * survival with {@code k - 1} degrees of freedom (the regularized upper gamma, so small p-values keep
 * their relative accuracy). A category the reference never saw makes the statistic infinite, p = 0.
 */
public final class ChiSquared {
    private ChiSquared() {}

    /** The statistic and its p-value. */
    public record Result(double statistic, double pValue) {}

    /** {@code reference[i]} and {@code current[i]} count the same category i; at least two categories. */
    public static Result test(long[] reference, long[] current) {
        LatheException.check(
                reference.length == current.length && reference.length >= 2,
                "chi-squared needs the same >= 2 categories on both sides, got %d and %d",
                reference.length,
                current.length);
        long refTotal = 0;
        long curTotal = 0;
        for (int i = 0; i < reference.length; i++) {
            refTotal += reference[i];
            curTotal += current[i];
        }
        LatheException.check(refTotal > 0 && curTotal > 0, "chi-squared needs non-empty samples");
        double scale = (double) curTotal / refTotal;
        double statistic = 0;
        for (int i = 0; i < reference.length; i++) {
            double expected = reference[i] * scale;
            double diff = current[i] - expected;
            statistic += diff * diff / expected;
        }
        if (Double.isNaN(statistic) || statistic == Double.POSITIVE_INFINITY) {
            return new Result(Double.POSITIVE_INFINITY, 0.0);
        }
        double df = reference.length - 1;
        return new Result(statistic, Gamma.regularizedGammaQ(df / 2, statistic / 2));
    }
}
