package dev.lathe.evaluation.drift;

/** Whether a drift-checked feature is numeric (KS + quantile PSI) or categorical (category PSI). */
public enum FeatureType {
    NUMERIC,
    CATEGORICAL
}
