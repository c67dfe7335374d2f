package dev.lathe.tuning;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.evaluation.metrics.MetricNames;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import java.util.Locale;
import java.util.Map;

/**
 * A regression metric chosen by name: the MLflow names of {@link MetricNames} or the short aliases
 * rmse, mse, mae, r2, mape, medae. Its direction is maximise for r2 and minimise otherwise.
 */
public record ScoreMetric(String name, String key) {
    private static final Map<String, String> ALIASES = Map.of(
            "rmse", MetricNames.ROOT_MEAN_SQUARED_ERROR,
            "mse", MetricNames.MEAN_SQUARED_ERROR,
            "mae", MetricNames.MEAN_ABSOLUTE_ERROR,
            "r2", MetricNames.R2_SCORE,
            "mape", MetricNames.MEAN_ABSOLUTE_PERCENTAGE_ERROR,
            "medae", MetricNames.MEDIAN_ABSOLUTE_ERROR,
            "max_error", MetricNames.MAX_ERROR);

    public ScoreMetric {
        LatheException.check(name != null && key != null, "score metric needs a name and a key");
    }

    /** Resolves {@code name} (an alias or an MLflow metric name). */
    public static ScoreMetric of(String name) {
        LatheException.check(name != null && !name.isBlank(), "score metric name must not be blank");
        String lower = name.toLowerCase(Locale.ROOT);
        String key = ALIASES.getOrDefault(lower, lower);
        LatheException.check(
                ALIASES.containsValue(key),
                "unknown score metric '%s'; use one of %s or %s",
                name,
                ALIASES.keySet(),
                ALIASES.values());
        return new ScoreMetric(name, key);
    }

    public Direction direction() {
        return MetricNames.direction(key);
    }

    public double of(RegressionEvaluation evaluation) {
        return evaluation.toMap().get(key);
    }
}
