/** Regression metrics with MLflow names and scikit-learn definitions, input validation, per-segment errors. */
package dev.lathe.evaluation.metrics;
