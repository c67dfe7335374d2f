package dev.lathe.evaluation.report.svg;

import dev.lathe.core.LatheException;

/** A named x/y series with its drawing style; x and y must have equal, non-zero length. */
public record Series(String name, double[] x, double[] y, SeriesStyle style) {
    public Series {
        LatheException.check(
                x.length == y.length && x.length > 0,
                "series '%s' needs equal non-zero x and y lengths, got %d and %d",
                name,
                x.length,
                y.length);
        x = x.clone();
        y = y.clone();
    }
}
