package dev.lathe.evaluation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The drift checks on samples of hundreds of thousands of heavily tied values (trip distances rounded
 * to 0.1 mile, thousands of PU_DO-like categories) agree exactly with independent computations:
 * commons-math3's two-sample KS on the unsorted samples, and PSI counted value by value by hand.
 */
class DriftAtScaleTest {
    private static final int BINS = 10;
    private static final double EPS = 1e-4;

    @Test
    void ksOnLargeTiedSamplesEqualsCommonsMath() {
        double[] ref = distances(new SplittableRandom(1L), 300_000, 0.0);
        double[] cur = distances(new SplittableRandom(2L), 200_000, 0.05);
        FeatureDrift f = numeric(ref, cur);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertEquals(ks.kolmogorovSmirnovStatistic(ref, cur), f.ksStatistic(), 0.0);
        assertEquals(ks.kolmogorovSmirnovTest(ref, cur, false), f.ksPValue(), 0.0);
        assertTrue(f.ksStatistic() > 0 && f.ksStatistic() < 0.1, "a small shift: " + f.ksStatistic());
    }

    @Test
    void ksBetweenTheExactAndTheAsymptoticRegimesEqualsCommonsMath() {
        // 99 x 101 = 9999 (exact, ties broken by commons-math3) and 100 x 100 = 10000 (asymptotic)
        for (int[] sizes : new int[][] {{99, 101}, {100, 100}, {2, 10_000}}) {
            double[] ref = distances(new SplittableRandom(sizes[0]), sizes[0], 0.0);
            double[] cur = distances(new SplittableRandom(sizes[1] + 7L), sizes[1], 0.3);
            FeatureDrift f = numeric(ref, cur);
            KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
            assertEquals(ks.kolmogorovSmirnovStatistic(ref, cur), f.ksStatistic(), 0.0, Arrays.toString(sizes));
            assertEquals(ks.kolmogorovSmirnovTest(ref, cur, false), f.ksPValue(), 0.0, Arrays.toString(sizes));
        }
    }

    @Test
    void numericPsiOnLargeTiedSamplesEqualsAHandCount() {
        double[] ref = halfMiles(distances(new SplittableRandom(3L), 250_000, 0.0));
        double[] cur = halfMiles(distances(new SplittableRandom(4L), 180_000, 0.4));
        double[] sorted = ref.clone();
        Arrays.sort(sorted);
        // numpy's linear quantiles at k/10, duplicates dropped (edges fall on tied values here)
        TreeMap<Double, Boolean> cuts = new TreeMap<>();
        for (int k = 1; k < BINS; k++) {
            double pos = (double) k / BINS * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            double q = sorted[lo] + (pos - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
            cuts.put(q, true);
        }
        double[] edges = cuts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        assertTrue(edges.length < BINS - 1, "tied edges were merged: " + Arrays.toString(edges));
        double expected = handPsi(handCounts(ref, edges), ref.length, handCounts(cur, edges), cur.length);
        assertEquals(expected, numeric(ref, cur).psi(), 1e-12);
        assertEquals(expected, PopulationStabilityIndex.numeric(ref, cur, BINS, EPS), 1e-12);
    }

    @Test
    void categoricalPsiOverThousandsOfCategoriesEqualsAHandCount() {
        SplittableRandom rng = new SplittableRandom(5L);
        String[] ref = new String[200_000];
        String[] cur = new String[150_000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = rng.nextInt(60) + "_" + rng.nextInt(60);
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = rng.nextInt(70) + "_" + rng.nextInt(50); // new and missing categories
        }
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (String s : ref) {
            counts.computeIfAbsent(s, k -> new long[2])[0]++;
        }
        for (String s : cur) {
            counts.computeIfAbsent(s, k -> new long[2])[1]++;
        }
        long[] r = counts.values().stream().mapToLong(a -> a[0]).toArray();
        long[] c = counts.values().stream().mapToLong(a -> a[1]).toArray();
        double expected = handPsi(r, ref.length, c, cur.length);
        FeatureDrift f = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder().categorical("PU_DO", ref, cur).build())
                .features()
                .get(0);
        assertEquals(expected, f.psi(), 0.0);
        assertTrue(f.drifted());
    }

    private static FeatureDrift numeric(double[] ref, double[] cur) {
        return new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder()
                        .numeric("trip_distance", ref, cur)
                        .build())
                .features()
                .get(0);
    }

    /** Exponential-ish trip distances rounded to 0.1 mile, so most values are tied. */
    private static double[] distances(SplittableRandom rng, int n, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.round((-Math.log(1 - rng.nextDouble()) * 2.5 + shift) * 10) / 10.0;
        }
        return v;
    }

    private static double[] halfMiles(double[] miles) {
        return Arrays.stream(miles).map(m -> Math.round(m * 2) / 2.0).toArray();
    }

    /** Right-closed bins by a linear walk over the edges. */
    private static long[] handCounts(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            int bin = 0;
            while (bin < edges.length && v > edges[bin]) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    private static double handPsi(long[] ref, long refTotal, long[] cur, long curTotal) {
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            double r = Math.max((double) ref[i] / refTotal, EPS);
            double c = Math.max((double) cur[i] / curTotal, EPS);
            sum += (c - r) * Math.log(c / r);
        }
        return sum;
    }
}
