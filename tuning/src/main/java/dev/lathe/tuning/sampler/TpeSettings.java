package dev.lathe.tuning.sampler;

import dev.lathe.core.LatheException;

/**
 * Settings of the tree-structured Parzen estimator: random trials before TPE starts, candidates drawn
 * from l(x) per proposal (hyperopt's n_EI_candidates = 24), the good fraction gamma with its cap (the
 * good set is min(ceil(gamma n), maxGood) trials), the weight of the prior component, and whether
 * the parameters are modelled jointly ({@link #withMultivariate}) or one at a time (hyperopt's way).
 */
public record TpeSettings(
        int startupTrials, int candidates, double gamma, int maxGood, double priorWeight, boolean multivariate) {
    public TpeSettings {
        LatheException.check(startupTrials >= 1, "startupTrials must be >= 1, got %d", startupTrials);
        LatheException.check(candidates >= 1, "candidates must be >= 1, got %d", candidates);
        LatheException.check(gamma > 0 && gamma < 1, "gamma must be in (0, 1), got %s", gamma);
        LatheException.check(maxGood >= 1, "maxGood must be >= 1, got %d", maxGood);
        LatheException.check(priorWeight > 0, "priorWeight must be > 0, got %s", priorWeight);
    }

    /** hyperopt-like defaults: 10 startup trials, 24 candidates, gamma 0.25 capped at 25, prior weight 1. */
    public static TpeSettings defaults() {
        return new TpeSettings(10, 24, 0.25, 25, 1.0, false);
    }

    /** Defaults with another number of random startup trials. */
    public TpeSettings withStartupTrials(int n) {
        return new TpeSettings(n, candidates, gamma, maxGood, priorWeight, multivariate);
    }

    /**
     * These settings with a joint (multivariate) Parzen estimator over all non-fixed parameters, as
     * Optuna's {@code multivariate=True}: better when parameters interact (a good learning rate
     * depends on the depth), at the same cost per proposal.
     */
    public TpeSettings withMultivariate(boolean on) {
        return new TpeSettings(startupTrials, candidates, gamma, maxGood, priorWeight, on);
    }
}
