package dev.lathe.evaluation.gates;

/** Which rule of a {@link MetricThreshold} a candidate metric broke. */
public enum GateFailureKind {
    /** The candidate is on the wrong side of the absolute threshold. */
    THRESHOLD,
    /** The candidate does not beat the baseline by the minimum absolute change. */
    MIN_ABSOLUTE_CHANGE,
    /** The candidate does not beat the baseline by the minimum relative change. */
    MIN_RELATIVE_CHANGE,
    /** The candidate's metrics do not contain the metric at all (or it is not finite). */
    MISSING_CANDIDATE_METRIC,
    /** A change rule is set but the baseline's metrics do not contain the metric (or it is not finite). */
    MISSING_BASELINE_METRIC
}
