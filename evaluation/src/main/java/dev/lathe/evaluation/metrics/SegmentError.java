package dev.lathe.evaluation.metrics;

import dev.lathe.core.LatheException;

/** The error of the predictions that fall in one segment (for example one pickup location). */
public record SegmentError(String segment, long count, double meanAbsoluteError, double rootMeanSquaredError) {
    public SegmentError {
        LatheException.check(segment != null, "segment label must not be null");
        LatheException.check(count > 0, "segment '%s' count must be > 0, got %d", segment, count);
    }
}
