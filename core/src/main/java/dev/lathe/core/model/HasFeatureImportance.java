package dev.lathe.core.model;

import java.util.Map;

/**
 * Optional capability of a model: importance per feature name (total gain for tree models). Autologging
 * writes it as a JSON artifact and reports plot it when the fitted model implements this.
 */
public interface HasFeatureImportance {
    Map<String, Double> featureImportance();
}
