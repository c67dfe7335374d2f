package dev.lathe.evaluation.report.svg;

/** How an x/y series is drawn. */
public enum SeriesStyle {
    /** A polyline through the points. */
    LINE,
    /** A step function (holds each value until the next x), e.g. a running best. */
    STEP,
    /** Separate dots. */
    POINTS
}
