package dev.lathe.evaluation.drift;

/**
 * The drift of one feature between a reference and a current sample. KS fields are NaN for
 * categorical features.
 */
public record FeatureDrift(
        String feature,
        FeatureType type,
        int referenceCount,
        int currentCount,
        double ksStatistic,
        double ksPValue,
        double psi,
        boolean drifted) {}
