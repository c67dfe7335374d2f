package dev.lathe.evaluation.drift;

import java.util.Arrays;

/**
 * An ascending sorted copy of a sample of doubles, in exactly {@link Arrays#sort(double[])}'s order
 * ({@code -0.0} before {@code 0.0}, NaN last), by a least-significant-digit radix sort on the values' bits
 * made order-preserving: six stable passes of 11 bits, each skipped when every value shares its digit.
 * About three times faster than the comparison sort on a million values, which drift checks sort by the
 * column; small samples go to {@link Arrays#sort(double[])}.
 */
final class RadixSort {
    /** Below this many values the comparison sort is faster. */
    static final int MIN_RADIX_LENGTH = 1 << 12;

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = (Long.SIZE + BITS - 1) / BITS;

    private RadixSort() {}

    /** A new array with {@code values} in ascending order; {@code values} is left as it is. */
    static double[] sortedCopy(double[] values) {
        int n = values.length;
        if (n < MIN_RADIX_LENGTH) {
            double[] copy = values.clone();
            Arrays.sort(copy);
            return copy;
        }
        int[][] offsets = new int[PASSES][RADIX];
        for (double v : values) {
            long k = key(v);
            for (int p = 0; p < PASSES; p++) {
                offsets[p][(int) (k >>> (p * BITS)) & MASK]++;
            }
        }
        double[] source = values;
        double[] target = new double[n];
        double[] spare = null;
        for (int p = 0; p < PASSES; p++) {
            int[] offset = offsets[p];
            if (!toOffsets(offset, n)) {
                continue;
            }
            int shift = p * BITS;
            for (double v : source) {
                target[offset[(int) (key(v) >>> shift) & MASK]++] = v;
            }
            if (source == values) {
                source = target;
                target = new double[n];
            } else {
                spare = source;
                source = target;
                target = spare;
            }
        }
        return source == values ? values.clone() : source;
    }

    /** Counts to each digit's first index; false when one digit holds all {@code n} values (nothing to move). */
    private static boolean toOffsets(int[] counts, int n) {
        int sum = 0;
        for (int d = 0; d < RADIX; d++) {
            int c = counts[d];
            if (c == n) {
                return false;
            }
            counts[d] = sum;
            sum += c;
        }
        return true;
    }

    /** The bits of {@code v} as a key whose unsigned order is the numeric order (negatives flipped whole). */
    private static long key(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
}
