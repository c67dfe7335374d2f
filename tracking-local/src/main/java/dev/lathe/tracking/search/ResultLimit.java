package dev.lathe.tracking.search;

import dev.lathe.core.LatheException;

/**
 * The default and maximum page size of one kind of search, as MLflow sets them; {@link #resolve}
 * validates a caller's {@code maxResults}.
 */
public record ResultLimit(String subject, int defaultValue, int max) {
    /** Runs and experiments: default 1000, at most 50000 (MLflow's SEARCH_MAX_RESULTS_*). */
    public static final ResultLimit RUNS = new ResultLimit("runs", 1000, 50_000);

    public static final ResultLimit EXPERIMENTS = new ResultLimit("experiments", 1000, 50_000);
    /** Registered models: default 100, at most 1000. */
    public static final ResultLimit REGISTERED_MODELS = new ResultLimit("registered models", 100, 1000);
    /** Model versions: default 10000, at most 200000. */
    public static final ResultLimit MODEL_VERSIONS = new ResultLimit("model versions", 10_000, 200_000);

    public ResultLimit {
        LatheException.check(max >= 1, "max must be >= 1, got %d", max);
        LatheException.check(
                defaultValue >= 1 && defaultValue <= max, "defaultValue must be in 1..%d, got %d", max, defaultValue);
    }

    /** {@code maxResults}, or the default when null; fails unless it is in {@code 1..max}. */
    public int resolve(Integer maxResults) {
        if (maxResults == null) {
            return defaultValue;
        }
        LatheException.check(
                maxResults >= 1 && maxResults <= max,
                "maxResults for searching %s must be between 1 and %d, got %d",
                subject,
                max,
                maxResults);
        return maxResults;
    }
}
