package dev.lathe.trainers.linear;

import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;

/**
 * Hyperparameters of the elastic net with scikit-learn's objective {@code 1/(2n) ||y - X w - b||^2 +
 * alpha l1Ratio ||w||_1 + 0.5 alpha (1 - l1Ratio) ||w||^2} ({@code l1Ratio = 1} is the lasso), plus the
 * coordinate-descent controls: duality-gap tolerance (scaled by {@code ||y - mean(y)||^2} as
 * scikit-learn does), the cap on full sweeps, and whether to iterate on the active set between sweeps.
 * Build with {@link #builder(double, double)} or {@link #lasso(double)}.
 */
public record ElasticNetParams(double alpha, double l1Ratio, double tolerance, int maxIterations, boolean activeSet) {
    /** scikit-learn's {@code alpha}. */
    public static final Hyperparameter<Double> ALPHA =
            Hyperparameter.real("alpha", 0.01, Interval.atLeast(0), "penalty strength multiplying the L1 and L2 terms");

    /** scikit-learn's {@code l1_ratio}. */
    public static final Hyperparameter<Double> L1_RATIO = Hyperparameter.real(
            "l1_ratio", 0.5, Interval.closed(0, 1), "share of the penalty that is L1 (1 is the lasso)");

    /** scikit-learn's {@code tol}. */
    public static final Hyperparameter<Double> TOL = Hyperparameter.real(
            "tol", 1e-4, Interval.greaterThan(0), "duality-gap tolerance, relative to ||y - mean(y)||^2");

    /** scikit-learn's {@code max_iter}. */
    public static final Hyperparameter<Integer> MAX_ITER =
            Hyperparameter.integer("max_iter", 1000, Interval.atLeast(1), "cap on full coordinate-descent sweeps");

    public static final Hyperparameter<Boolean> ACTIVE_SET = Hyperparameter.flag(
            "active_set", true, "sweep only non-zero coefficients between full sweeps (same optimum)");

    /** The elastic net's hyperparameters. */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(ALPHA, L1_RATIO, TOL, MAX_ITER, ACTIVE_SET);

    /** The lasso's: the elastic net's without {@code l1_ratio}, which is 1. */
    public static final HyperparameterSpace LASSO_SPACE = SPACE.without(L1_RATIO);

    /** scikit-learn's default {@code tol}. */
    public static final double DEFAULT_TOLERANCE = TOL.defaultValue();

    /** scikit-learn's default {@code max_iter}. */
    public static final int DEFAULT_MAX_ITERATIONS = MAX_ITER.defaultValue();

    public ElasticNetParams {
        ALPHA.check(alpha);
        L1_RATIO.check(l1Ratio);
        TOL.check(tolerance);
        MAX_ITER.check(maxIterations);
    }

    /** A builder with the two required penalties; tolerance and iteration cap default to scikit-learn's. */
    public static Builder builder(double alpha, double l1Ratio) {
        return new Builder(alpha, l1Ratio);
    }

    /** Lasso ({@code l1Ratio = 1}) with default controls. */
    public static ElasticNetParams lasso(double alpha) {
        return builder(alpha, 1.0).build();
    }

    /** The record for values of {@link #SPACE} or {@link #LASSO_SPACE} (then {@code l1Ratio = 1}). */
    public static ElasticNetParams from(HyperparameterValues v) {
        double l1 = v.space() == LASSO_SPACE ? 1.0 : v.get(L1_RATIO);
        return new ElasticNetParams(v.get(ALPHA), l1, v.get(TOL), v.get(MAX_ITER), v.get(ACTIVE_SET));
    }

    /** Whether these are the lasso's ({@code l1Ratio = 1}). */
    public boolean isLasso() {
        return l1Ratio == 1.0;
    }

    /** This record as values of {@link #LASSO_SPACE} when it is the lasso, else of {@link #SPACE}. */
    public HyperparameterValues values() {
        HyperparameterValues.Builder b = (isLasso() ? LASSO_SPACE : SPACE).builder();
        if (!isLasso()) {
            b.set(L1_RATIO, l1Ratio);
        }
        return b.set(ALPHA, alpha)
                .set(TOL, tolerance)
                .set(MAX_ITER, maxIterations)
                .set(ACTIVE_SET, activeSet)
                .build();
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
        private boolean activeSet = ACTIVE_SET.defaultValue();

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
