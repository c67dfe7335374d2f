package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;

/**
 * The Jensen-Shannon distance between two discrete distributions in base 2 (scipy's {@code
 * jensenshannon(p, q, base=2)}, Evidently's {@code jensenshannon} test on {@link DriftBins} shares):
 * {@code sqrt((KL(p || m) + KL(q || m)) / 2)} with {@code m = (p + q) / 2}, each side first normalised
 * to sum to 1. 0 for equal distributions, 1 for disjoint ones.
 */
public final class JensenShannonDistance {
    private JensenShannonDistance() {}

    public static double of(double[] p, double[] q) {
        LatheException.check(
                p.length == q.length && p.length > 0,
                "Jensen-Shannon needs two distributions over the same bins, got %d and %d",
                p.length,
                q.length);
        double sp = sum(p);
        double sq = sum(q);
        LatheException.check(sp > 0 && sq > 0, "Jensen-Shannon needs distributions with positive mass");
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            double b = q[i] / sq;
            double mid = (a + b) / 2;
            js += relativeEntropy(a, mid) + relativeEntropy(b, mid);
        }
        return Math.sqrt(js / Math.log(2) / 2);
    }

    /** scipy's {@code rel_entr}: {@code x ln(x / y)}, 0 when x is 0. */
    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
