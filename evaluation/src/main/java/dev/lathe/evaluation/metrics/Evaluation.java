package dev.lathe.evaluation.metrics;

import java.util.Map;

/** The result of evaluating predictions: a fixed set of named metric values, keyed as MLflow logs them. */
public interface Evaluation {
    /** Every metric by its MLflow name, in a stable order. */
    Map<String, Double> toMap();
}
