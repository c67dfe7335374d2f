package dev.lathe.trainers.linear;

/**
 * Hyperparameters of ordinary least squares with an intercept: the relative residual at which
 * conjugate gradients stop, and the iteration cap (for the solve and for the minimum-norm projection).
 */
public record OlsParams(double tolerance, int maxIterations) {
    /** A tolerance tight enough that training RMSE agrees with a direct solve to about 1e-9. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    public OlsParams {
        LinearChecks.tolerance(tolerance);
        LinearChecks.maxIterations(maxIterations);
    }

    public static OlsParams defaults() {
        return new OlsParams(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }
}
