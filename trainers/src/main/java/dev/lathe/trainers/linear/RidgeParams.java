package dev.lathe.trainers.linear;

import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;

/**
 * Hyperparameters of ridge regression {@code ||y - X w - b||^2 + alpha ||w||^2} (intercept not
 * penalised, scikit-learn's Ridge objective): the penalty, the CG relative-residual tolerance and the
 * iteration cap.
 */
public record RidgeParams(double alpha, double tolerance, int maxIterations) {
    /** scikit-learn's {@code alpha} (its default 1.0). */
    public static final Hyperparameter<Double> ALPHA = Hyperparameter.real(
            "alpha", 1.0, Interval.atLeast(0), "L2 penalty on the coefficients (0 is least squares)");

    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(ALPHA, OlsParams.TOL, OlsParams.MAX_ITER);

    public RidgeParams {
        ALPHA.check(alpha);
        OlsParams.TOL.check(tolerance);
        OlsParams.MAX_ITER.check(maxIterations);
    }

    /** Ridge with penalty {@code alpha} and the default tolerance and iteration cap. */
    public static RidgeParams of(double alpha) {
        return from(SPACE.defaults().with(ALPHA, alpha));
    }

    /** The record for values of {@link #SPACE}. */
    public static RidgeParams from(HyperparameterValues v) {
        return new RidgeParams(v.get(ALPHA), v.get(OlsParams.TOL), v.get(OlsParams.MAX_ITER));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(ALPHA, alpha)
                .set(OlsParams.TOL, tolerance)
                .set(OlsParams.MAX_ITER, maxIterations)
                .build();
    }
}
