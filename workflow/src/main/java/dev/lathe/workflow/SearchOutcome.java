package dev.lathe.workflow;

import dev.lathe.tuning.SearchResult;

/**
 * What a {@link TrackedSearch} produced: every trial ({@link SearchResult}) and the parent run's
 * record of the best trial (its pipeline and metrics), which registers and loads like any run's.
 */
public record SearchOutcome(SearchResult search, TrainingResult best) {
    /** The search's parent run, holding the best model at {@code model/}. */
    public String runId() {
        return best.runId();
    }

    public double bestScore() {
        return search.bestScore();
    }
}
