package dev.lathe.evaluation.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.testkit.SyntheticData;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {
    private static final double TOL = 1e-12;
    private static final double EPS = 1e-4;
    private static final double SCIPY_TOL = 1e-10;

    private static final double[] X = {
        0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09,
        -1.28, 2.36, 1.31
    };
    private static final double[] Y = {
        1.05, 2.11, 0.43, 1.78, 2.52, 0.33, 1.46, 1.91, 0.88, 2.95, 1.24, 0.72, 1.69, 2.37, 0.57
    };

    @Test
    void ksMatchesCommonsMathAndScipy() {
        DriftReport r = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder().numeric("x", X, Y).build());
        FeatureDrift f = r.features().get(0);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertEquals(ks.kolmogorovSmirnovStatistic(X, Y), f.ksStatistic(), TOL);
        assertEquals(ks.kolmogorovSmirnovTest(X, Y, false), f.ksPValue(), TOL);
        // scipy 1.10.1: ks_2samp(X, Y, method='exact') -> statistic 0.55, pvalue 0.0070022863331142765
        assertEquals(0.55, f.ksStatistic(), TOL);
        assertEquals(0.0070022863331142765, f.ksPValue(), SCIPY_TOL);
        assertEquals(FeatureType.NUMERIC, f.type());
        assertEquals(20, f.referenceCount());
        assertTrue(f.drifted());
    }

    @Test
    void quantileEdgesMatchNumpy() {
        double[] ref = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // np.quantile(np.arange(1, 11), [0.25, 0.5, 0.75]) -> [3.25, 5.5, 7.75]
        assertArrayEquals(new double[] {3.25, 5.5, 7.75}, PopulationStabilityIndex.quantileEdges(ref, 4), TOL);
        // ties collapse duplicate edges
        assertArrayEquals(
                new double[] {1.0, 2.0},
                PopulationStabilityIndex.quantileEdges(new double[] {1, 1, 1, 1, 2, 2, 3}, 4),
                TOL);
    }

    @Test
    void numericPsiMatchesHandComputation() {
        double[] ref = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] cur = {1, 2, 3, 7, 8, 9, 10, 11};
        // 2 bins cut at 5.5: reference 0.5 / 0.5, current 3/8 / 5/8
        double expected = (0.375 - 0.5) * Math.log(0.375 / 0.5) + (0.625 - 0.5) * Math.log(0.625 / 0.5);
        assertEquals(expected, PopulationStabilityIndex.numeric(ref, cur, 2, EPS), TOL);
        assertEquals(0.125 * Math.log(5.0 / 3.0), expected, TOL);
        // an empty current bin is floored at epsilon
        double empty = (1 - 0.5) * Math.log(1 / 0.5) + (EPS - 0.5) * Math.log(EPS / 0.5);
        assertEquals(empty, PopulationStabilityIndex.numeric(ref, new double[] {1, 1, 1, 1}, 2, EPS), TOL);
        assertEquals(0.0, PopulationStabilityIndex.numeric(ref, ref, 4, EPS), TOL);
    }

    @Test
    void categoricalPsiMatchesHandComputation() {
        String[] ref = {"a", "a", "b", "b"};
        String[] cur = {"a", "a", "a", "c"};
        // categories a, b, c: reference 0.5, 0.5, eps; current 0.75, eps, 0.25
        double expected = (0.75 - 0.5) * Math.log(0.75 / 0.5)
                + (EPS - 0.5) * Math.log(EPS / 0.5)
                + (0.25 - EPS) * Math.log(0.25 / EPS);
        DriftReport r = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder()
                        .categorical("PULocationID", ref, cur)
                        .build());
        FeatureDrift f = r.features().get(0);
        assertEquals(expected, f.psi(), TOL);
        assertEquals(FeatureType.CATEGORICAL, f.type());
        assertTrue(Double.isNaN(f.ksStatistic()));
        assertTrue(f.drifted());
    }

    @Test
    void sameDistributionIsNotFlaggedShiftedIs() {
        SplittableRandom rng = new SplittableRandom(7L);
        double[] ref = new double[5000];
        double[] same = new double[5000];
        double[] shifted = new double[5000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = SyntheticData.gaussian(rng);
            same[i] = SyntheticData.gaussian(rng);
            shifted[i] = SyntheticData.gaussian(rng) + 0.5;
        }
        DriftReport r = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder()
                        .numeric("same", ref, same)
                        .numeric("shifted", ref, shifted)
                        .build());
        assertFalse(r.features().get(0).drifted());
        assertTrue(r.features().get(0).psi() < 0.05);
        assertTrue(r.features().get(1).drifted());
        assertEquals(
                List.of("shifted"),
                r.drifted().stream().map(FeatureDrift::feature).toList());
        assertTrue(r.anyDrift());
    }

    @Test
    void validatesInputs() {
        assertEquals(
                "PSI bins must be >= 2, got 1",
                assertThrows(LatheException.class, () -> new DriftThresholds(1, EPS, 0.2, 0.05, 0.1))
                        .getMessage());
        assertEquals(
                "feature 'trip_distance' current sample must be finite, got NaN at index 1",
                assertThrows(LatheException.class, () -> DriftSamples.builder()
                                .numeric("trip_distance", new double[] {1}, new double[] {1, Double.NaN}))
                        .getMessage());
        assertEquals(
                "feature 'a' was already added",
                assertThrows(LatheException.class, () -> DriftSamples.builder()
                                .numeric("a", new double[] {1}, new double[] {1})
                                .categorical("a", new String[] {"x"}, new String[] {"y"}))
                        .getMessage());
    }
}
