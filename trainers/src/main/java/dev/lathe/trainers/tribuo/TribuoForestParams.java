package dev.lathe.trainers.tribuo;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;

/**
 * Hyperparameters of a Tribuo random forest of CART regression trees: number of bootstrap members,
 * maximum depth, the fraction of features considered at each split (must be below 1 for a random
 * forest), the minimum example weight in a child, and the seed. Tribuo's CART takes the two fractions
 * as single-precision floats; they are declared as reals and a value is valid only when it is exactly
 * a float as written ({@code 0.7}, not {@code 0.123456789012}), so the logged text rebuilds the same
 * float.
 */
public record TribuoForestParams(int numTrees, int maxDepth, float featureFraction, float minChildWeight, long seed) {
    public static final Hyperparameter<Integer> NUM_TREES =
            Hyperparameter.integer("num_trees", 100, Interval.atLeast(1), "number of bootstrap trees in the forest");
    public static final Hyperparameter<Integer> MAX_DEPTH =
            Hyperparameter.integer("max_depth", 10, Interval.atLeast(1), "maximum depth of each tree");
    public static final Hyperparameter<Double> FEATURE_FRACTION = Hyperparameter.real(
            "feature_fraction", 0.5, Interval.open(0, 1), "share of features considered at each split (below 1)");
    public static final Hyperparameter<Double> MIN_CHILD_WEIGHT = Hyperparameter.real(
            "min_child_weight", 5.0, Interval.atLeast(0), "minimum example weight in each child of a split");
    public static final Hyperparameter<Long> SEED =
            Hyperparameter.seed("seed", 0, "seed of the bootstrap samples and the feature subsets");

    /** Every Tribuo forest hyperparameter. */
    public static final HyperparameterSpace SPACE =
            HyperparameterSpace.of(NUM_TREES, MAX_DEPTH, FEATURE_FRACTION, MIN_CHILD_WEIGHT, SEED);

    public TribuoForestParams {
        NUM_TREES.check(numTrees);
        MAX_DEPTH.check(maxDepth);
        FEATURE_FRACTION.check(widen(featureFraction));
        MIN_CHILD_WEIGHT.check(widen(minChildWeight));
    }

    /** The record for values of {@link #SPACE}; a fraction that is not exactly a float is an error. */
    public static TribuoForestParams from(HyperparameterValues v) {
        return new TribuoForestParams(
                v.get(NUM_TREES),
                v.get(MAX_DEPTH),
                narrow(FEATURE_FRACTION, v.get(FEATURE_FRACTION)),
                narrow(MIN_CHILD_WEIGHT, v.get(MIN_CHILD_WEIGHT)),
                v.get(SEED));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(NUM_TREES, numTrees)
                .set(MAX_DEPTH, maxDepth)
                .set(FEATURE_FRACTION, widen(featureFraction))
                .set(MIN_CHILD_WEIGHT, widen(minChildWeight))
                .set(SEED, seed)
                .build();
    }

    /** The float as the double its shortest decimal text denotes (0.7f is 0.7, not 0.699999988...). */
    static double widen(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** {@code value} as a float, when {@link #widen} of that float gives {@code value} back. */
    static float narrow(Hyperparameter<Double> p, double value) {
        float f = (float) value;
        if (widen(f) != value) {
            throw new InvalidParameterException(p.name() + " must be a single-precision value (Tribuo trains in"
                    + " float), got " + value + " (nearest float " + f + ")");
        }
        return f;
    }
}
