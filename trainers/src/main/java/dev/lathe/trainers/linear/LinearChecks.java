package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;

/** The validation rules shared by the linear hyperparameter records, with uniform messages. */
final class LinearChecks {
    private LinearChecks() {}

    static void alpha(double alpha) {
        LatheException.check(Double.isFinite(alpha) && alpha >= 0.0, "alpha must be >= 0 and finite, got %s", alpha);
    }

    static void l1Ratio(double l1Ratio) {
        LatheException.check(l1Ratio >= 0.0 && l1Ratio <= 1.0, "l1_ratio must be in [0, 1], got %s", l1Ratio);
    }

    static void tolerance(double tolerance) {
        LatheException.check(
                Double.isFinite(tolerance) && tolerance > 0.0, "tol must be > 0 and finite, got %s", tolerance);
    }

    static void maxIterations(int maxIterations) {
        LatheException.check(maxIterations >= 1, "maxIter must be >= 1, got %d", maxIterations);
    }
}
