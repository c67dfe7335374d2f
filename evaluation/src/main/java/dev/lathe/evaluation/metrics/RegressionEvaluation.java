package dev.lathe.evaluation.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regression metrics of one set of predictions, with the same definitions as scikit-learn (which
 * {@code mlflow.evaluate} uses). {@code r2Score} is NaN for fewer than two examples; when the target is
 * constant it is 1.0 for perfect predictions and 0.0 otherwise (scikit-learn's {@code force_finite}).
 */
public record RegressionEvaluation(
        long exampleCount,
        double meanAbsoluteError,
        double meanSquaredError,
        double rootMeanSquaredError,
        double sumOnTarget,
        double meanOnTarget,
        double r2Score,
        double maxError,
        double meanAbsolutePercentageError,
        double medianAbsoluteError)
        implements Evaluation {

    /** Every metric keyed by its MLflow name, in declaration order. */
    @Override
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.EXAMPLE_COUNT, (double) exampleCount);
        m.put(MetricNames.MEAN_ABSOLUTE_ERROR, meanAbsoluteError);
        m.put(MetricNames.MEAN_SQUARED_ERROR, meanSquaredError);
        m.put(MetricNames.ROOT_MEAN_SQUARED_ERROR, rootMeanSquaredError);
        m.put(MetricNames.SUM_ON_TARGET, sumOnTarget);
        m.put(MetricNames.MEAN_ON_TARGET, meanOnTarget);
        m.put(MetricNames.R2_SCORE, r2Score);
        m.put(MetricNames.MAX_ERROR, maxError);
        m.put(MetricNames.MEAN_ABSOLUTE_PERCENTAGE_ERROR, meanAbsolutePercentageError);
        m.put(MetricNames.MEDIAN_ABSOLUTE_ERROR, medianAbsoluteError);
        return Collections.unmodifiableMap(m);
    }
}
