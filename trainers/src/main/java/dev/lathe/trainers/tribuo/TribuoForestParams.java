package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;

/**
 * Hyperparameters of a Tribuo random forest of CART regression trees: number of bootstrap members,
 * maximum depth, the fraction of features considered at each split (must be below 1 for a random
 * forest), the minimum example weight in a child, and the seed.
 */
public record TribuoForestParams(int numTrees, int maxDepth, float featureFraction, float minChildWeight, long seed) {
    public TribuoForestParams {
        LatheException.check(numTrees >= 1, "tribuo forest num_trees must be >= 1, got %d", numTrees);
        LatheException.check(maxDepth >= 1, "tribuo forest max_depth must be >= 1, got %d", maxDepth);
        LatheException.check(
                featureFraction > 0 && featureFraction < 1,
                "tribuo forest feature_fraction must be in (0, 1), got %s",
                featureFraction);
        LatheException.check(
                minChildWeight >= 0, "tribuo forest min_child_weight must be >= 0, got %s", minChildWeight);
    }
}
