package dev.lathe.evaluation.metrics;

import dev.lathe.core.Direction;

/** The metric keys that {@code mlflow.evaluate} logs for a regressor, plus median absolute error. */
public final class MetricNames {
    public static final String EXAMPLE_COUNT = "example_count";
    public static final String MEAN_ABSOLUTE_ERROR = "mean_absolute_error";
    public static final String MEAN_SQUARED_ERROR = "mean_squared_error";
    public static final String ROOT_MEAN_SQUARED_ERROR = "root_mean_squared_error";
    public static final String SUM_ON_TARGET = "sum_on_target";
    public static final String MEAN_ON_TARGET = "mean_on_target";
    public static final String R2_SCORE = "r2_score";
    public static final String MAX_ERROR = "max_error";
    public static final String MEAN_ABSOLUTE_PERCENTAGE_ERROR = "mean_absolute_percentage_error";
    public static final String MEDIAN_ABSOLUTE_ERROR = "median_absolute_error";

    private MetricNames() {}

    /** Which way the metric improves: only r2_score here is maximised, the errors are minimised. */
    public static Direction direction(String metric) {
        return R2_SCORE.equals(metric) ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }
}
