package dev.lathe.trainers.linear;

/**
 * Hyperparameters of ridge regression {@code ||y - X w - b||^2 + alpha ||w||^2} (intercept not
 * penalised, scikit-learn's Ridge objective): the penalty, the CG relative-residual tolerance and the
 * iteration cap.
 */
public record RidgeParams(double alpha, double tolerance, int maxIterations) {
    public RidgeParams {
        LinearChecks.alpha(alpha);
        LinearChecks.tolerance(tolerance);
        LinearChecks.maxIterations(maxIterations);
    }

    /** Ridge with penalty {@code alpha} and the default tolerance and iteration cap. */
    public static RidgeParams of(double alpha) {
        return new RidgeParams(alpha, OlsParams.DEFAULT_TOLERANCE, OlsParams.DEFAULT_MAX_ITERATIONS);
    }
}
