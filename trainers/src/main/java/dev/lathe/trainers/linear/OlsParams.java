package dev.lathe.trainers.linear;

import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;

/**
 * Hyperparameters of ordinary least squares with an intercept: the relative residual at which
 * conjugate gradients stop, and the iteration cap (for the solve and for the minimum-norm projection).
 */
public record OlsParams(double tolerance, int maxIterations) {
    /** scikit-learn's {@code tol}; tight enough that training RMSE agrees with a direct solve to about 1e-9. */
    public static final Hyperparameter<Double> TOL = Hyperparameter.real(
            "tol", 1e-10, Interval.greaterThan(0), "relative residual at which conjugate gradients stop");

    /** scikit-learn's {@code max_iter}. */
    public static final Hyperparameter<Integer> MAX_ITER =
            Hyperparameter.integer("max_iter", 10_000, Interval.atLeast(1), "cap on conjugate-gradient iterations");

    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(TOL, MAX_ITER);

    public static final double DEFAULT_TOLERANCE = TOL.defaultValue();

    public static final int DEFAULT_MAX_ITERATIONS = MAX_ITER.defaultValue();

    public OlsParams {
        TOL.check(tolerance);
        MAX_ITER.check(maxIterations);
    }

    public static OlsParams defaults() {
        return from(SPACE.defaults());
    }

    /** The record for values of {@link #SPACE}. */
    public static OlsParams from(HyperparameterValues v) {
        return new OlsParams(v.get(TOL), v.get(MAX_ITER));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder().set(TOL, tolerance).set(MAX_ITER, maxIterations).build();
    }
}
