package dev.lathe.core.tracking;

/** The smallest and largest value of one run's metric and its number of points (NaN points left out). */
public record MetricSummary(String runId, String key, double min, double max, long count) {}
