package dev.lathe.evaluation.metrics;

import java.util.Comparator;

/** How per-segment errors are sorted; every order breaks ties by segment label for determinism. */
public enum SegmentOrder {
    /** Highest RMSE first: where the model is worst. */
    WORST_RMSE_FIRST(
            Comparator.comparingDouble(SegmentError::rootMeanSquaredError).reversed()),
    /** Highest MAE first. */
    WORST_MAE_FIRST(Comparator.comparingDouble(SegmentError::meanAbsoluteError).reversed()),
    /** Most rows first: the segments that matter most. */
    LARGEST_FIRST(Comparator.comparingLong(SegmentError::count).reversed()),
    /** Alphabetical by label. */
    LABEL((a, b) -> 0);

    private final Comparator<SegmentError> comparator;

    SegmentOrder(Comparator<SegmentError> primary) {
        this.comparator = primary.thenComparing(SegmentError::segment);
    }

    /** The full comparator, label as the tie-breaker. */
    public Comparator<SegmentError> comparator() {
        return comparator;
    }
}
