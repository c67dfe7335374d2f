package dev.lathe.evaluation.cv;

import dev.lathe.evaluation.metrics.RegressionEvaluation;

/** The held-out metrics of the model fitted on one fold's training rows. */
public record FoldResult(int fold, int trainRows, int testRows, RegressionEvaluation evaluation) {}
