package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;
import java.util.Arrays;
import org.tribuo.regression.liblinear.LinearRegressionType.LinearType;

/**
 * Hyperparameters of Tribuo's LibLinear regression: the solver ({@code L2R_L2LOSS_SVR} is L2-regularised
 * squared epsilon-insensitive loss in the primal), the loss weight C, the iteration cap, the stopping
 * tolerance, the insensitivity epsilon and the seed. Names are Tribuo's ({@code cost} is C).
 */
public record LibLinearParams(
        LinearType type, double cost, int maxIterations, double terminationCriterion, double epsilon, long seed) {
    public static final Hyperparameter<String> TYPE = Hyperparameter.choice(
            "type",
            LinearType.L2R_L2LOSS_SVR.name(),
            Arrays.stream(LinearType.values()).map(Enum::name).toList(),
            "LibLinear solver (loss, and primal or dual)");
    public static final Hyperparameter<Double> COST =
            Hyperparameter.real("cost", 1.0, Interval.greaterThan(0), "weight C of the loss against the L2 penalty");
    public static final Hyperparameter<Integer> MAX_ITER =
            Hyperparameter.integer("max_iter", 1000, Interval.atLeast(1), "maximum solver iterations");
    public static final Hyperparameter<Double> TOL =
            Hyperparameter.real("tol", 0.01, Interval.greaterThan(0), "stopping tolerance of the solver");
    public static final Hyperparameter<Double> EPSILON =
            Hyperparameter.real("epsilon", 0.0, Interval.atLeast(0), "width of the loss's insensitive tube");
    public static final Hyperparameter<Long> SEED = Hyperparameter.seed("seed", 0, "seed of the solver");

    /** Every LibLinear hyperparameter. */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(TYPE, COST, MAX_ITER, TOL, EPSILON, SEED);

    public LibLinearParams {
        LatheException.check(type != null, "type must not be null");
        COST.check(cost);
        MAX_ITER.check(maxIterations);
        TOL.check(terminationCriterion);
        EPSILON.check(epsilon);
    }

    /** Primal L2-loss SVR with the given C and the declared defaults otherwise. */
    public static LibLinearParams l2Loss(double cost) {
        return from(SPACE.defaults().with(COST, cost));
    }

    /** The record for values of {@link #SPACE}. */
    public static LibLinearParams from(HyperparameterValues v) {
        return new LibLinearParams(
                LinearType.valueOf(v.get(TYPE)), v.get(COST), v.get(MAX_ITER), v.get(TOL), v.get(EPSILON), v.get(SEED));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(TYPE, type.name())
                .set(COST, cost)
                .set(MAX_ITER, maxIterations)
                .set(TOL, terminationCriterion)
                .set(EPSILON, epsilon)
                .set(SEED, seed)
                .build();
    }
}
