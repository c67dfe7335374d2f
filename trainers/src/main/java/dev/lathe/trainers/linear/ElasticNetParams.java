package dev.lathe.trainers.linear;

/**
 * Hyperparameters of the elastic net with scikit-learn's objective {@code 1/(2n) ||y - X w - b||^2 +
 * alpha l1Ratio ||w||_1 + 0.5 alpha (1 - l1Ratio) ||w||^2} ({@code l1Ratio = 1} is the lasso), plus the
 * coordinate-descent controls: duality-gap tolerance (scaled by {@code ||y - mean(y)||^2} as
 * scikit-learn does), the cap on full sweeps, and whether to iterate on the active set between sweeps.
 * Build with {@link #builder(double, double)} or {@link #lasso(double)}.
 */
public record ElasticNetParams(double alpha, double l1Ratio, double tolerance, int maxIterations, boolean activeSet) {
    /** scikit-learn's default {@code tol}. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** scikit-learn's default {@code max_iter}. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    public ElasticNetParams {
        LinearChecks.alpha(alpha);
        LinearChecks.l1Ratio(l1Ratio);
        LinearChecks.tolerance(tolerance);
        LinearChecks.maxIterations(maxIterations);
    }

    /** A builder with the two required penalties; tolerance and iteration cap default to scikit-learn's. */
    public static Builder builder(double alpha, double l1Ratio) {
        return new Builder(alpha, l1Ratio);
    }

    /** Lasso ({@code l1Ratio = 1}) with default controls. */
    public static ElasticNetParams lasso(double alpha) {
        return builder(alpha, 1.0).build();
    }

    /** The same controls with another penalty (used along a regularisation path). */
    public ElasticNetParams withAlpha(double newAlpha) {
        return new ElasticNetParams(newAlpha, l1Ratio, tolerance, maxIterations, activeSet);
    }

    /** Builder for {@link ElasticNetParams}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final double alpha;
        private final double l1Ratio;
        private double tolerance = DEFAULT_TOLERANCE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private boolean activeSet = true;

        private Builder(double alpha, double l1Ratio) {
            this.alpha = alpha;
            this.l1Ratio = l1Ratio;
        }

        public Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public Builder maxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /** Whether to sweep only non-zero coefficients between full sweeps (same optimum, faster). */
        public Builder activeSet(boolean activeSet) {
            this.activeSet = activeSet;
            return this;
        }

        public ElasticNetParams build() {
            return new ElasticNetParams(alpha, l1Ratio, tolerance, maxIterations, activeSet);
        }
    }
}
