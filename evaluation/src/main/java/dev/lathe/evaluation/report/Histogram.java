package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;

/** Counts of a sample over bins: {@code edges.length == counts.length + 1}, bins closed on the left (last closed both sides). */
public record Histogram(double[] edges, long[] counts) {
    public Histogram {
        LatheException.check(
                edges.length == counts.length + 1 && counts.length > 0,
                "histogram needs edges = counts + 1 > 1, got %d edges and %d counts",
                edges.length,
                counts.length);
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Equal-width edges from the minimum to the maximum over all {@code samples} (widened if constant). */
    public static double[] sharedEdges(int bins, double[]... samples) {
        LatheException.check(bins >= 1, "histogram bins must be >= 1, got %d", bins);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : samples) {
            for (double v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        edges[bins] = hi;
        return edges;
    }

    /** The histogram of {@code values} over {@code edges}; values outside the edges are not counted. */
    public static Histogram of(double[] values, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        double lo = edges[0];
        double hi = edges[bins];
        double width = (hi - lo) / bins;
        for (double v : values) {
            if (v < lo || v > hi) {
                continue;
            }
            int b = (int) Math.floor((v - lo) / width);
            b = Math.min(Math.max(b, 0), bins - 1);
            // guard against rounding at an edge
            while (b > 0 && v < edges[b]) {
                b--;
            }
            while (b < bins - 1 && v >= edges[b + 1]) {
                b++;
            }
            counts[b]++;
        }
        return new Histogram(edges, counts);
    }
}
