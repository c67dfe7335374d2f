package dev.lathe.trainers.ensemble;

import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;

/**
 * Bagging hyperparameters: how many members, each member's bootstrap sample size as a fraction of the
 * training rows (drawn with replacement), the bagging seed from which every member's seed derives, and
 * how many members are fitted at once (the result does not depend on it).
 */
public record BaggingParams(int members, double sampleFraction, long seed, int threads) {
    public static final Hyperparameter<Integer> MEMBERS =
            Hyperparameter.integer("members", 10, Interval.atLeast(1), "number of bootstrap members averaged");
    public static final Hyperparameter<Double> SAMPLE_FRACTION = Hyperparameter.real(
            "sample_fraction", 1.0, Interval.openClosed(0, 1), "each member's sample size as a share of the rows");
    public static final Hyperparameter<Long> SEED =
            Hyperparameter.seed("seed", 0, "seed from which every member's bootstrap seed derives");
    public static final Hyperparameter<Integer> THREADS = Hyperparameter.integer(
            "threads", 1, Interval.atLeast(1), "thread budget for fitting members (the result does not depend on it)");

    /** Bagging's own hyperparameters (the base trainer's are logged beside them under {@code base.}). */
    public static final HyperparameterSpace SPACE = HyperparameterSpace.of(MEMBERS, SAMPLE_FRACTION, SEED, THREADS);

    public BaggingParams {
        MEMBERS.check(members);
        SAMPLE_FRACTION.check(sampleFraction);
        THREADS.check(threads);
    }

    /** Full-size bootstrap samples, fitted on all of the machine's processors. */
    public static BaggingParams of(int members, long seed) {
        return new BaggingParams(members, 1.0, seed, Runtime.getRuntime().availableProcessors());
    }

    /** The record for values of {@link #SPACE}. */
    public static BaggingParams from(HyperparameterValues v) {
        return new BaggingParams(v.get(MEMBERS), v.get(SAMPLE_FRACTION), v.get(SEED), v.get(THREADS));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(MEMBERS, members)
                .set(SAMPLE_FRACTION, sampleFraction)
                .set(SEED, seed)
                .set(THREADS, threads)
                .build();
    }

    public BaggingParams withThreads(int newThreads) {
        return new BaggingParams(members, sampleFraction, seed, newThreads);
    }
}
