package dev.lathe.workflow;

import java.util.Map;

/** What a tracked evaluation logged: its run and the {@code validation_<m>} metrics of the model on the data. */
public record EvaluationResult(String runId, Map<String, Double> metrics) {
    public EvaluationResult {
        metrics = Map.copyOf(metrics);
    }

    public double validationRmse() {
        return metrics.get(RunConvention.VALIDATION_RMSE);
    }
}
