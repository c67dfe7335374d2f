package dev.lathe.bench.tracking;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Times one search case the same way for every bench of this package: 3 warm-up calls, then 20 timed
 * ones, and prints the hits of one call with the median and p95 latency in milliseconds.
 */
final class Latency {
    private static final int WARMUPS = 3;
    private static final int REPEATS = 20;

    private Latency() {}

    /** The table header matching {@link #time}'s lines. */
    static void header() {
        System.out.println("case                                              page   hits   median ms   p95 ms");
    }

    /** Runs {@code search} (returning its number of hits) and prints the line for {@code label}. */
    static void time(String label, int page, IntSupplier search) {
        int hits = 0;
        for (int i = 0; i < WARMUPS; i++) {
            hits = search.getAsInt();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            search.getAsInt();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = (ms[REPEATS / 2 - 1] + ms[REPEATS / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * REPEATS) - 1];
        System.out.printf(Locale.ROOT, "%-49s %5d %6d %11.1f %8.1f%n", label, page, hits, median, p95);
    }
}
