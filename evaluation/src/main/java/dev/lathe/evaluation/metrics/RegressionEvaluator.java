package dev.lathe.evaluation.metrics;

import java.util.Arrays;

/**
 * Computes {@link RegressionEvaluation}s. MAPE follows scikit-learn: {@code mean(|y - p| / max(|y|,
 * eps))} with {@code eps} the double machine epsilon (2.220446049250313e-16), so a zero target gives a
 * huge but finite term instead of infinity. Median absolute error averages the two middle values for
 * an even count, as numpy's median.
 */
public final class RegressionEvaluator implements Evaluator<RegressionEvaluation> {
    /** numpy's {@code np.finfo(np.float64).eps}, the MAPE denominator floor. */
    public static final double MACHINE_EPSILON = Math.ulp(1.0);

    @Override
    public RegressionEvaluation evaluate(double[] yTrue, double[] yPred) {
        PredictionInputs.check(yTrue, yPred);
        int n = yTrue.length;
        double sumTarget = 0;
        for (double y : yTrue) {
            sumTarget += y;
        }
        double meanTarget = sumTarget / n;
        double sumAbs = 0;
        double sumSq = 0;
        double maxErr = 0;
        double sumPct = 0;
        double ssTot = 0;
        double[] absErrors = new double[n];
        for (int i = 0; i < n; i++) {
            double err = yTrue[i] - yPred[i];
            double abs = Math.abs(err);
            absErrors[i] = abs;
            sumAbs += abs;
            sumSq += err * err;
            maxErr = Math.max(maxErr, abs);
            sumPct += abs / Math.max(Math.abs(yTrue[i]), MACHINE_EPSILON);
            double dev = yTrue[i] - meanTarget;
            ssTot += dev * dev;
        }
        double mse = sumSq / n;
        return new RegressionEvaluation(
                n,
                sumAbs / n,
                mse,
                Math.sqrt(mse),
                sumTarget,
                meanTarget,
                r2(n, sumSq, ssTot),
                maxErr,
                sumPct / n,
                median(absErrors));
    }

    private static double r2(int n, double ssRes, double ssTot) {
        if (n < 2) {
            return Double.NaN;
        }
        if (ssTot == 0) {
            return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1.0 - ssRes / ssTot;
    }

    /** The median of {@code values} (sorted in place), averaging the two middle values for even length. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }
}
