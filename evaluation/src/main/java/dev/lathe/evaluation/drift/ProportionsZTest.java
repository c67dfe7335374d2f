package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided Z-test for the difference of two proportions with the pooled variance (Evidently's {@code z}
 * test, for a column with at most two values): {@code z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2))},
 * {@code p = 2 (1 - Phi(|z|))} computed as Evidently does. Equal one-valued samples give p = 1.
 */
public final class ProportionsZTest {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private ProportionsZTest() {}

    /** The statistic and its p-value. */
    public record Result(double statistic, double pValue) {}

    /** {@code referenceHits} of {@code referenceSize} against {@code currentHits} of {@code currentSize}. */
    public static Result test(long referenceHits, long referenceSize, long currentHits, long currentSize) {
        LatheException.check(referenceSize > 0 && currentSize > 0, "the Z-test needs non-empty samples");
        LatheException.check(
                referenceHits >= 0 && referenceHits <= referenceSize && currentHits >= 0 && currentHits <= currentSize,
                "the Z-test's hits must lie in 0..size, got %d of %d and %d of %d",
                referenceHits,
                referenceSize,
                currentHits,
                currentSize);
        double p1 = (double) referenceHits / referenceSize;
        double p2 = (double) currentHits / currentSize;
        double pooled = (p1 * referenceSize + p2 * currentSize) / (referenceSize + currentSize);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / referenceSize + 1.0 / currentSize));
        if (se == 0) {
            return new Result(0.0, 1.0);
        }
        double z = (p1 - p2) / se;
        return new Result(z, 2 * (1 - STANDARD.cumulativeProbability(Math.abs(z))));
    }
}
