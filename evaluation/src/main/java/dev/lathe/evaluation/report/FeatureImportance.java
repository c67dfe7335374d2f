package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;

/** How much one feature matters to a model (gain, weight magnitude...), as the model reports it. */
public record FeatureImportance(String feature, double importance) {
    public FeatureImportance {
        LatheException.check(feature != null, "feature name must not be null");
        LatheException.check(
                Double.isFinite(importance), "importance of feature '%s' must be finite, got %s", feature, importance);
    }
}
