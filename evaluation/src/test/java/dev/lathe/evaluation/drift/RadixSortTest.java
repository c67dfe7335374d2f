package dev.lathe.evaluation.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The radix sort gives {@link Arrays#sort(double[])}'s order bit for bit and leaves its input alone. */
class RadixSortTest {
    @Test
    void sortsAsArraysSortOnEveryKindOfSample() {
        SplittableRandom r = new SplittableRandom(17L);
        DoubleSupplier[] kinds = {
            () -> r.nextGaussian() * 1e3,
            () -> Math.round(r.nextGaussian() * 100) / 10.0, // ties, -0.0 and 0.0
            () -> r.nextInt(4) - 1.5, // few values
            () -> r.nextBoolean() ? -0.0 : 0.0,
            () -> 7.25, // one value: every pass skipped
            () -> pick(
                    r,
                    -Double.MAX_VALUE,
                    Double.MAX_VALUE,
                    Double.MIN_VALUE,
                    -Double.MIN_VALUE,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    Double.MIN_NORMAL,
                    r.nextDouble() * 1e-310),
            () -> Math.exp(r.nextGaussian() * 50), // exponents far apart
        };
        for (int size : new int[] {1, 5, RadixSort.MIN_RADIX_LENGTH - 1, RadixSort.MIN_RADIX_LENGTH, 50_000, 300_001}) {
            for (int k = 0; k < kinds.length; k++) {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = kinds[k].getAsDouble();
                }
                double[] before = values.clone();
                double[] expected = values.clone();
                Arrays.sort(expected);
                double[] got = RadixSort.sortedCopy(values);
                String at = "kind " + k + ", " + size + " values";
                assertEquals(bits(expected).length, got.length, at);
                assertArrayEquals(bits(expected), bits(got), at);
                assertArrayEquals(bits(before), bits(values), at + ": the input is unchanged");
            }
        }
    }

    private static double pick(SplittableRandom r, double... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
