package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;

/**
 * Bagging hyperparameters: how many members, each member's bootstrap sample size as a fraction of the
 * training rows (drawn with replacement), the bagging seed from which every member's seed derives, and
 * how many members are fitted at once (the result does not depend on it).
 */
public record BaggingParams(int members, double sampleFraction, long seed, int threads) {
    public BaggingParams {
        LatheException.check(members >= 1, "bagging members must be >= 1, got %d", members);
        LatheException.check(
                sampleFraction > 0 && sampleFraction <= 1,
                "bagging sample_fraction must be in (0, 1], got %s",
                sampleFraction);
        LatheException.check(threads >= 1, "bagging threads must be >= 1, got %d", threads);
    }

    /** Full-size bootstrap samples, fitted on all of the machine's processors. */
    public static BaggingParams of(int members, long seed) {
        return new BaggingParams(members, 1.0, seed, Runtime.getRuntime().availableProcessors());
    }

    public BaggingParams withThreads(int newThreads) {
        return new BaggingParams(members, sampleFraction, seed, newThreads);
    }
}
