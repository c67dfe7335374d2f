package dev.lathe.evaluation.gates;

import dev.lathe.core.Direction;
import java.util.Locale;

/**
 * One failed rule: the metric, which rule, the candidate and baseline values (NaN when absent), the
 * configured value of the rule, the bound that the candidate had to reach, and the metric's direction.
 */
public record MetricFailure(
        String metric,
        GateFailureKind kind,
        double candidate,
        double baseline,
        double configured,
        double bound,
        Direction direction) {

    /** A one-line explanation with every value, e.g. for logs and exception messages. */
    public String describe() {
        String cmp = direction == Direction.MAXIMIZE ? ">=" : "<=";
        return switch (kind) {
            case THRESHOLD -> String.format(
                    Locale.ROOT, "%s: candidate %s must be %s threshold %s", metric, candidate, cmp, configured);
            case MIN_ABSOLUTE_CHANGE -> String.format(
                    Locale.ROOT,
                    "%s: candidate %s must be %s %s (baseline %s improved by min_absolute_change %s)",
                    metric,
                    candidate,
                    cmp,
                    bound,
                    baseline,
                    configured);
            case MIN_RELATIVE_CHANGE -> String.format(
                    Locale.ROOT,
                    "%s: candidate %s must be %s %s (baseline %s improved by min_relative_change %s)",
                    metric,
                    candidate,
                    cmp,
                    bound,
                    baseline,
                    configured);
            case MISSING_CANDIDATE_METRIC -> String.format(
                    Locale.ROOT,
                    "%s: candidate metrics have no finite value for this metric, got %s",
                    metric,
                    candidate);
            case MISSING_BASELINE_METRIC -> String.format(
                    Locale.ROOT,
                    "%s: a change rule needs a baseline value but the baseline metrics have none, got %s",
                    metric,
                    baseline);
        };
    }
}
