package dev.lathe.evaluation.monitor;

import dev.lathe.evaluation.drift.DataDrift;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A monitoring comparison: the current data's drift from the reference, the model's metrics on both and
 * their change, the batches (empty without a period) and the batches left out for having too few rows
 * ({@code skipped}: start date -> rows), with the samples compared (for the report's distributions).
 */
public record MonitorReport(
        String reference,
        String current,
        int referenceRows,
        int currentRows,
        DataDrift drift,
        Optional<RegressionEvaluation> referenceMetrics,
        Optional<RegressionEvaluation> currentMetrics,
        Optional<BatchPeriod> period,
        List<MonitorBatch> batches,
        Map<String, Integer> skipped,
        DriftSamples samples) {
    public MonitorReport {
        batches = List.copyOf(batches);
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** Current minus reference for every metric, when both exist. */
    public Map<String, Double> metricChange() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (referenceMetrics.isPresent() && currentMetrics.isPresent()) {
            Map<String, Double> ref = referenceMetrics.get().toMap();
            currentMetrics.get().toMap().forEach((k, v) -> out.put(k, v - ref.get(k)));
        }
        return out;
    }
}
