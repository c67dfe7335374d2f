package dev.lathe.evaluation.gates;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.evaluation.metrics.Evaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a candidate model may replace a baseline, with MLflow's model-validation semantics.
 * For a lower-is-better metric: {@code candidate <= threshold}; {@code baseline - candidate >=
 * min_absolute_change}; {@code candidate <= baseline - min_relative_change * |baseline|} (which is
 * MLflow's {@code baseline * (1 - min_relative_change)} for a positive baseline). Mirrored for
 * greater-is-better metrics. As in MLflow, when the baseline is exactly 0 the relative rule falls back
 * to "strictly better than the baseline". Every rule is checked, so a failure reports all broken rules.
 */
public final class ValidationGate {
    private final Map<String, MetricThreshold> thresholds;

    private ValidationGate(Map<String, MetricThreshold> thresholds) {
        this.thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules by metric name, in insertion order. */
    public Map<String, MetricThreshold> thresholds() {
        return thresholds;
    }

    /** Validates a candidate evaluation against a baseline evaluation (their MLflow-named metrics). */
    public void validate(Evaluation candidate, Evaluation baseline) {
        validate(candidate.toMap(), baseline.toMap());
    }

    /** Checks the candidate alone; fails if any rule needs a baseline. */
    public void validate(Map<String, Double> candidate) {
        validate(candidate, Map.of());
    }

    /** Throws {@link ModelValidationFailedException} listing every failed rule, or returns normally. */
    public void validate(Map<String, Double> candidate, Map<String, Double> baseline) {
        List<MetricFailure> failures = check(candidate, baseline);
        if (!failures.isEmpty()) {
            throw new ModelValidationFailedException(failures);
        }
    }

    /** Every failed rule (empty when the candidate passes). */
    public List<MetricFailure> check(Map<String, Double> candidate, Map<String, Double> baseline) {
        LatheException.check(candidate != null, "candidate metrics must not be null");
        LatheException.check(baseline != null, "baseline metrics must not be null (use an empty map)");
        List<MetricFailure> failures = new ArrayList<>();
        for (Map.Entry<String, MetricThreshold> e : thresholds.entrySet()) {
            checkMetric(e.getKey(), e.getValue(), candidate.get(e.getKey()), baseline.get(e.getKey()), failures);
        }
        return List.copyOf(failures);
    }

    private static void checkMetric(
            String metric, MetricThreshold t, Double candidateValue, Double baselineValue, List<MetricFailure> out) {
        Direction dir = t.direction();
        double base = baselineValue == null ? Double.NaN : baselineValue;
        if (candidateValue == null || !Double.isFinite(candidateValue)) {
            double c = candidateValue == null ? Double.NaN : candidateValue;
            out.add(new MetricFailure(
                    metric, GateFailureKind.MISSING_CANDIDATE_METRIC, c, base, Double.NaN, Double.NaN, dir));
            return;
        }
        double cand = candidateValue;
        if (t.threshold().isPresent()) {
            double th = t.threshold().getAsDouble();
            if (!better(cand, th, dir, true)) {
                out.add(new MetricFailure(metric, GateFailureKind.THRESHOLD, cand, base, th, th, dir));
            }
        }
        if (!t.needsBaseline()) {
            return;
        }
        if (!Double.isFinite(base)) {
            out.add(new MetricFailure(
                    metric, GateFailureKind.MISSING_BASELINE_METRIC, cand, base, Double.NaN, Double.NaN, dir));
            return;
        }
        if (t.minAbsoluteChange().isPresent()) {
            double change = t.minAbsoluteChange().getAsDouble();
            double bound = dir == Direction.MAXIMIZE ? base + change : base - change;
            if (!better(cand, bound, dir, true)) {
                out.add(new MetricFailure(metric, GateFailureKind.MIN_ABSOLUTE_CHANGE, cand, base, change, bound, dir));
            }
        }
        if (t.minRelativeChange().isPresent()) {
            double rel = t.minRelativeChange().getAsDouble();
            boolean zeroBase = base == 0.0;
            double bound = dir == Direction.MAXIMIZE ? base + rel * Math.abs(base) : base - rel * Math.abs(base);
            if (!better(cand, bound, dir, !zeroBase)) {
                out.add(new MetricFailure(metric, GateFailureKind.MIN_RELATIVE_CHANGE, cand, base, rel, bound, dir));
            }
        }
    }

    private static boolean better(double candidate, double bound, Direction direction, boolean inclusive) {
        if (direction == Direction.MAXIMIZE) {
            return inclusive ? candidate >= bound : candidate > bound;
        }
        return inclusive ? candidate <= bound : candidate < bound;
    }

    /** Builder for a {@link ValidationGate}: one {@link MetricThreshold} per metric name. */
    public static final class Builder {
        private final Map<String, MetricThreshold> thresholds = new LinkedHashMap<>();

        private Builder() {}

        public Builder metric(String name, MetricThreshold threshold) {
            LatheException.check(name != null && !name.isBlank(), "metric name must not be blank");
            LatheException.check(threshold != null, "threshold for metric '%s' must not be null", name);
            LatheException.check(
                    !thresholds.containsKey(name), "metric '%s' already has a threshold in this gate", name);
            thresholds.put(name, threshold);
            return this;
        }

        public ValidationGate build() {
            LatheException.check(!thresholds.isEmpty(), "a validation gate needs at least one metric threshold");
            return new ValidationGate(thresholds);
        }
    }
}
