/** Model validation gates with MLflow MetricThreshold semantics, reporting every failed rule. */
package dev.lathe.evaluation.gates;
