package dev.lathe.evaluation.drift;

import java.util.List;

/** The drift of every checked feature, in the order they were given, with the thresholds used. */
public record DriftReport(DriftThresholds thresholds, List<FeatureDrift> features) {
    public DriftReport {
        features = List.copyOf(features);
    }

    /** Only the features flagged as drifted. */
    public List<FeatureDrift> drifted() {
        return features.stream().filter(FeatureDrift::drifted).toList();
    }

    public boolean anyDrift() {
        return features.stream().anyMatch(FeatureDrift::drifted);
    }
}
