package dev.lathe.evaluation.gates;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.evaluation.metrics.MetricNames;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationGateTest {
    private static final double TOL = 1e-12;

    private static final Map<String, Double> BASELINE =
            Map.of("root_mean_squared_error", 10.0, "r2_score", 0.50, "mean_absolute_error", 8.0);

    private static ValidationGate rmseGate(MetricThreshold t) {
        return ValidationGate.builder().metric("root_mean_squared_error", t).build();
    }

    @Test
    void passesWhenEveryRuleHolds() {
        ValidationGate gate = ValidationGate.builder()
                .metric(
                        "root_mean_squared_error",
                        MetricThreshold.builder(Direction.MINIMIZE)
                                .threshold(9.5)
                                .minAbsoluteChange(0.5)
                                .minRelativeChange(0.05)
                                .build())
                .metric(
                        "r2_score",
                        MetricThreshold.builder(Direction.MAXIMIZE)
                                .threshold(0.5)
                                .minAbsoluteChange(0.01)
                                .minRelativeChange(0.1)
                                .build())
                .build();
        // rmse 9.5: <= 9.5, 10 - 9.5 = 0.5 >= 0.5, 9.5 <= 10 * 0.95; r2 0.55 >= 0.5 * 1.1
        Map<String, Double> candidate = Map.of("root_mean_squared_error", 9.5, "r2_score", 0.55);
        assertTrue(gate.check(candidate, BASELINE).isEmpty());
        assertDoesNotThrow(() -> gate.validate(candidate, BASELINE));
    }

    @Test
    void absoluteThresholdFailureLowerIsBetter() {
        ValidationGate gate = rmseGate(
                MetricThreshold.builder(Direction.MINIMIZE).threshold(9.0).build());
        ModelValidationFailedException e = assertThrows(
                ModelValidationFailedException.class, () -> gate.validate(Map.of("root_mean_squared_error", 9.25)));
        MetricFailure f = e.failures().get(0);
        assertEquals(GateFailureKind.THRESHOLD, f.kind());
        assertEquals(9.25, f.candidate());
        assertEquals(9.0, f.configured());
        assertTrue(Double.isNaN(f.baseline()));
        assertTrue(e.getMessage().contains("root_mean_squared_error: candidate 9.25 must be <= threshold 9.0"));
        assertInstanceOf(LatheException.class, e);
    }

    @Test
    void absoluteThresholdGreaterIsBetter() {
        ValidationGate gate = ValidationGate.builder()
                .metric(
                        "r2_score",
                        MetricThreshold.builder(Direction.MAXIMIZE)
                                .threshold(0.6)
                                .build())
                .build();
        assertEquals(1, gate.check(Map.of("r2_score", 0.59), Map.of()).size());
        assertTrue(gate.check(Map.of("r2_score", 0.6), Map.of()).isEmpty());
    }

    @Test
    void minAbsoluteChangeFailure() {
        ValidationGate gate = rmseGate(MetricThreshold.builder(Direction.MINIMIZE)
                .minAbsoluteChange(0.5)
                .build());
        // improvement 10 - 9.75 = 0.25 < 0.5
        List<MetricFailure> failures = gate.check(Map.of("root_mean_squared_error", 9.75), BASELINE);
        assertEquals(1, failures.size());
        MetricFailure f = failures.get(0);
        assertEquals(GateFailureKind.MIN_ABSOLUTE_CHANGE, f.kind());
        assertEquals(9.75, f.candidate());
        assertEquals(10.0, f.baseline());
        assertEquals(0.5, f.configured());
        assertEquals(9.5, f.bound(), TOL);
        assertTrue(gate.check(Map.of("root_mean_squared_error", 9.5), BASELINE).isEmpty());
    }

    @Test
    void minRelativeChangeFailure() {
        ValidationGate gate = rmseGate(MetricThreshold.builder(Direction.MINIMIZE)
                .minRelativeChange(0.1)
                .build());
        // needs candidate <= 10 * (1 - 0.1) = 9.0
        List<MetricFailure> failures = gate.check(Map.of("root_mean_squared_error", 9.1), BASELINE);
        assertEquals(1, failures.size());
        assertEquals(GateFailureKind.MIN_RELATIVE_CHANGE, failures.get(0).kind());
        assertEquals(9.0, failures.get(0).bound(), TOL);
        assertTrue(gate.check(Map.of("root_mean_squared_error", 8.9), BASELINE).isEmpty());
    }

    @Test
    void relativeChangeOnZeroBaselineNeedsStrictImprovement() {
        ValidationGate gate = ValidationGate.builder()
                .metric(
                        "r2_score",
                        MetricThreshold.builder(Direction.MAXIMIZE)
                                .minRelativeChange(0.1)
                                .build())
                .build();
        assertEquals(
                1, gate.check(Map.of("r2_score", 0.0), Map.of("r2_score", 0.0)).size());
        assertTrue(gate.check(Map.of("r2_score", 0.01), Map.of("r2_score", 0.0)).isEmpty());
    }

    @Test
    void multipleFailuresAreReportedTogether() {
        ValidationGate gate = ValidationGate.builder()
                .metric(
                        "root_mean_squared_error",
                        MetricThreshold.builder(Direction.MINIMIZE)
                                .threshold(9.0)
                                .minAbsoluteChange(1.0)
                                .minRelativeChange(0.2)
                                .build())
                .metric(
                        "r2_score",
                        MetricThreshold.builder(Direction.MAXIMIZE)
                                .threshold(0.7)
                                .build())
                .metric(
                        "mean_absolute_error",
                        MetricThreshold.builder(Direction.MINIMIZE)
                                .minAbsoluteChange(0.1)
                                .build())
                .metric(
                        "max_error",
                        MetricThreshold.builder(Direction.MINIMIZE)
                                .threshold(50)
                                .build())
                .build();
        Map<String, Double> candidate =
                Map.of("root_mean_squared_error", 9.6, "r2_score", 0.6, "mean_absolute_error", 7.0);
        ModelValidationFailedException e =
                assertThrows(ModelValidationFailedException.class, () -> gate.validate(candidate, BASELINE));
        assertEquals(
                List.of(
                        GateFailureKind.THRESHOLD,
                        GateFailureKind.MIN_ABSOLUTE_CHANGE,
                        GateFailureKind.MIN_RELATIVE_CHANGE,
                        GateFailureKind.THRESHOLD,
                        GateFailureKind.MISSING_CANDIDATE_METRIC),
                e.failures().stream().map(MetricFailure::kind).toList());
        assertEquals(
                List.of(
                        "root_mean_squared_error",
                        "root_mean_squared_error",
                        "root_mean_squared_error",
                        "r2_score",
                        "max_error"),
                e.failures().stream().map(MetricFailure::metric).toList());
        assertTrue(e.getMessage().startsWith("model validation failed on 5 rule(s):"));
        assertTrue(e.getMessage().contains("r2_score: candidate 0.6 must be >= threshold 0.7"));
    }

    @Test
    void validatesEvaluationsWithMetricDirectionsFromMetricNames() {
        RegressionEvaluator evaluator = new RegressionEvaluator();
        double[] y = {10, 20, 30, 40};
        RegressionEvaluation baseline = evaluator.evaluate(y, new double[] {14, 16, 34, 36}); // rmse 4
        RegressionEvaluation better = evaluator.evaluate(y, new double[] {11, 19, 31, 39}); // rmse 1
        ValidationGate gate = ValidationGate.builder()
                .metric(
                        MetricNames.ROOT_MEAN_SQUARED_ERROR,
                        MetricThreshold.builder(MetricNames.direction(MetricNames.ROOT_MEAN_SQUARED_ERROR))
                                .minRelativeChange(0.5)
                                .build())
                .metric(
                        MetricNames.R2_SCORE,
                        MetricThreshold.builder(MetricNames.direction(MetricNames.R2_SCORE))
                                .minAbsoluteChange(0.01)
                                .build())
                .build();
        assertDoesNotThrow(() -> gate.validate(better, baseline));
        ModelValidationFailedException e =
                assertThrows(ModelValidationFailedException.class, () -> gate.validate(baseline, better));
        assertEquals(
                List.of(GateFailureKind.MIN_RELATIVE_CHANGE, GateFailureKind.MIN_ABSOLUTE_CHANGE),
                e.failures().stream().map(MetricFailure::kind).toList());
        assertEquals(4.0, e.failures().get(0).candidate(), TOL);
        assertEquals(1.0, e.failures().get(0).baseline(), TOL);
        assertEquals(0.5, e.failures().get(0).bound(), TOL);
    }

    @Test
    void changeRuleWithoutBaselineFails() {
        ValidationGate gate = rmseGate(MetricThreshold.builder(Direction.MINIMIZE)
                .minAbsoluteChange(0.5)
                .build());
        ModelValidationFailedException e = assertThrows(
                ModelValidationFailedException.class, () -> gate.validate(Map.of("root_mean_squared_error", 1.0)));
        assertEquals(
                GateFailureKind.MISSING_BASELINE_METRIC, e.failures().get(0).kind());
    }

    @Test
    void thresholdRecordValidates() {
        assertEquals(
                "a metric threshold needs at least one of threshold, min_absolute_change, min_relative_change",
                assertThrows(LatheException.class, () -> MetricThreshold.builder(Direction.MAXIMIZE)
                                .build())
                        .getMessage());
        assertEquals(
                "min_absolute_change must be a finite number > 0, got -1.0",
                assertThrows(LatheException.class, () -> MetricThreshold.builder(Direction.MAXIMIZE)
                                .minAbsoluteChange(-1)
                                .build())
                        .getMessage());
        assertEquals(
                "min_relative_change must be > 0 and < 1, got 1.5",
                assertThrows(LatheException.class, () -> MetricThreshold.builder(Direction.MAXIMIZE)
                                .minRelativeChange(1.5)
                                .build())
                        .getMessage());
    }
}
