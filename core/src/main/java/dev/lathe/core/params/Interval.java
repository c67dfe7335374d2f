package dev.lathe.core.params;

import dev.lathe.core.LatheException;

/**
 * The valid range of a numeric hyperparameter, each end open or closed, written as scikit-learn's
 * parameter constraints are ({@code [0, inf)}, {@code (0, 1]}); NaN is never inside.
 */
public record Interval(double low, boolean lowClosed, double high, boolean highClosed) {
    public Interval {
        LatheException.check(!Double.isNaN(low) && !Double.isNaN(high), "interval ends must not be NaN");
        LatheException.check(low <= high, "interval low must be <= high, got low=%s high=%s", low, high);
    }

    /** {@code [low, inf)}. */
    public static Interval atLeast(double low) {
        return new Interval(low, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code (low, inf)}. */
    public static Interval greaterThan(double low) {
        return new Interval(low, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [low, high]}. */
    public static Interval closed(double low, double high) {
        return new Interval(low, true, high, true);
    }

    /** {@code (low, high]}. */
    public static Interval openClosed(double low, double high) {
        return new Interval(low, false, high, true);
    }

    /** {@code (low, high)}. */
    public static Interval open(double low, double high) {
        return new Interval(low, false, high, false);
    }

    /** {@code (-inf, inf)}: every finite value. */
    public static Interval any() {
        return new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** Whether {@code value} lies inside (never for NaN, never for an infinity at an open end). */
    public boolean contains(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean aboveLow = lowClosed ? value >= low : value > low;
        boolean belowHigh = highClosed ? value <= high : value < high;
        return aboveLow && belowHigh;
    }

    @Override
    public String toString() {
        return (lowClosed ? "[" : "(") + end(low) + ", " + end(high) + (highClosed ? "]" : ")");
    }

    private static String end(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
