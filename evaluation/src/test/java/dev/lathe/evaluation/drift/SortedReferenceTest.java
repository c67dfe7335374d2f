package dev.lathe.evaluation.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batches checked against a reference sorted once get exactly the figures of a check that sorts it again. */
class SortedReferenceTest {
    @Test
    void batchesAgainstASortedReferenceEqualFreshChecks() {
        SplittableRandom r = new SplittableRandom(11L);
        double[] fare = gaussian(r, 20_000, 0.0);
        double[] small = gaussian(r, 700, 0.0);
        double[] few = new double[20_000];
        for (int i = 0; i < few.length; i++) {
            few[i] = r.nextInt(3);
        }
        String[] zone = new String[20_000];
        Arrays.setAll(zone, i -> "z" + r.nextInt(9));
        DriftSamples all = samples(fare, small, few, zone, r, 9_000);
        SortedReference sorted = SortedReference.of(all);
        DataDriftDetector detector = DataDriftDetector.evidentlyDefaults();
        for (int batch = 0; batch < 3; batch++) {
            DriftSamples b = samples(fare, small, few, zone, r, 1_000 + 500 * batch);
            assertEquals(
                    detector.compare(b).columns(),
                    detector.compare(b, Optional.of(sorted)).columns(),
                    "batch " + batch);
        }
        double[] expected = fare.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted.sorted("fare", fare), 0.0);
        assertNull(sorted.sorted("fare", fare.clone()), "another array, even with equal values, is sorted afresh");
        assertNull(sorted.sorted("zone", fare));
    }

    private static DriftSamples samples(
            double[] fare, double[] small, double[] few, String[] zone, SplittableRandom r, int rows) {
        String[] curZone = new String[rows];
        Arrays.setAll(curZone, i -> "z" + r.nextInt(10));
        double[] curFew = new double[rows];
        Arrays.setAll(curFew, i -> r.nextInt(4));
        return DriftSamples.builder()
                .numeric("fare", fare, gaussian(r, rows, 0.2))
                .numeric("small", small, gaussian(r, rows, 0.0))
                .numeric("few", few, curFew)
                .categorical("zone", zone, curZone)
                .build();
    }

    private static double[] gaussian(SplittableRandom r, int n, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - r.nextDouble();
            v[i] = Math.round((Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble()) + shift) * 1e4)
                    / 1e4;
        }
        return v;
    }
}
