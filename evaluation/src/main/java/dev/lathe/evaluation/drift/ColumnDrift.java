package dev.lathe.evaluation.drift;

/**
 * One column's drift under one {@link StatTest}: its score (a p-value or a distance), the test's
 * threshold and the decision, with the sample sizes and the distinct values of both samples pooled.
 */
public record ColumnDrift(
        String column,
        FeatureType type,
        StatTest test,
        double score,
        boolean drifted,
        int referenceCount,
        int currentCount,
        int distinctValues) {}
