package dev.lathe.evaluation.autolog;

import java.util.Map;

/**
 * Optional capability of a model: importance per feature name (gain, |weight|...). Autolog writes it
 * as a JSON artifact when the fitted model implements this; core has no such interface yet.
 */
public interface HasFeatureImportance {
    Map<String, Double> featureImportance();
}
