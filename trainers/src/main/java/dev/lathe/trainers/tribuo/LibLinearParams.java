package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;
import org.tribuo.regression.liblinear.LinearRegressionType.LinearType;

/**
 * Hyperparameters of Tribuo's LibLinear regression: the solver ({@code L2R_L2LOSS_SVR} is L2-regularised
 * squared epsilon-insensitive loss in the primal), the loss weight C, the iteration cap, the stopping
 * tolerance, the insensitivity epsilon and the seed.
 */
public record LibLinearParams(
        LinearType type, double cost, int maxIterations, double terminationCriterion, double epsilon, long seed) {
    public LibLinearParams {
        LatheException.check(type != null, "liblinear type must not be null");
        LatheException.check(cost > 0 && Double.isFinite(cost), "liblinear cost must be finite and > 0, got %s", cost);
        LatheException.check(maxIterations >= 1, "liblinear max_iter must be >= 1, got %d", maxIterations);
        LatheException.check(terminationCriterion > 0, "liblinear tol must be > 0, got %s", terminationCriterion);
        LatheException.check(epsilon >= 0, "liblinear epsilon must be >= 0, got %s", epsilon);
    }

    /** Primal L2-loss SVR with the given C, 1000 iterations, tolerance 0.01, epsilon 0, seed 0. */
    public static LibLinearParams l2Loss(double cost) {
        return new LibLinearParams(LinearType.L2R_L2LOSS_SVR, cost, 1000, 0.01, 0.0, 0L);
    }
}
