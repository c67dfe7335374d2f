package dev.lathe.workflow;

import dev.lathe.core.pipeline.FittedPipeline;
import java.util.Map;

/** What a tracked fit produced: the run, the fitted pipeline and the metrics logged to the run. */
public record TrainingResult(String runId, String trainerName, FittedPipeline pipeline, Map<String, Double> metrics) {
    public TrainingResult {
        metrics = Map.copyOf(metrics);
    }

    public double validationRmse() {
        return metrics.get(TrackedTraining.VALIDATION_RMSE);
    }
}
