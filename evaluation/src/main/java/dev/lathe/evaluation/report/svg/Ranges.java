package dev.lathe.evaluation.report.svg;

/** Min/max helpers for chart data. */
final class Ranges {
    private Ranges() {}

    /** {min, max} of the values. */
    static double[] of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }
}
