package dev.lathe.evaluation.cv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.testkit.LeastSquaresTrainer;
import dev.lathe.testkit.MeanTrainer;
import dev.lathe.testkit.SyntheticData;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class CrossValidatorTest {
    private static final double TOL = 1e-12;
    private static final long SEED = 42L;

    @Test
    void foldSizesFollowScikitLearnAndPartitionTheRows() {
        List<Fold> folds = KFold.shuffled(3, SEED).split(10);
        assertEquals(List.of(4, 3, 3), folds.stream().map(Fold::testSize).toList());
        assertEquals(List.of(6, 7, 7), folds.stream().map(Fold::trainSize).toList());
        int[] allTest = folds.stream()
                .flatMapToInt(f -> Arrays.stream(f.testRows()))
                .sorted()
                .toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), allTest);
        for (Fold f : folds) {
            int[] union = IntStream.concat(Arrays.stream(f.trainRows()), Arrays.stream(f.testRows()))
                    .sorted()
                    .toArray();
            assertArrayEquals(IntStream.range(0, 10).toArray(), union);
        }
    }

    @Test
    void unshuffledFoldsAreConsecutive() {
        List<Fold> folds = new KFold(3, false, 0).split(7);
        assertArrayEquals(new int[] {0, 1, 2}, folds.get(0).testRows());
        assertArrayEquals(new int[] {3, 4}, folds.get(1).testRows());
        assertArrayEquals(new int[] {5, 6}, folds.get(2).testRows());
    }

    @Test
    void shuffleIsDeterministicPerSeed() {
        int[] a = KFold.shuffled(5, SEED).split(100).get(0).testRows();
        int[] b = KFold.shuffled(5, SEED).split(100).get(0).testRows();
        int[] c = KFold.shuffled(5, SEED + 1).split(100).get(0).testRows();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void validatesK() {
        assertEquals(
                "k-fold needs k >= 2 folds, got 1",
                assertThrows(LatheException.class, () -> KFold.shuffled(1, SEED))
                        .getMessage());
        assertEquals(
                "k-fold with k=5 needs at least 5 rows, got 3",
                assertThrows(LatheException.class, () -> KFold.shuffled(5, SEED).split(3))
                        .getMessage());
    }

    @Test
    void meanPredictorFoldMetricsAndAggregatesMatchHandComputation() {
        // y = 1..6 with unshuffled 3-fold: test {1,2} train mean 4.5 -> MAE 3; {3,4} train mean 3.5 -> MAE 0.5;
        // {5,6} train mean 2.5 -> MAE 3.
        double[] y = {1, 2, 3, 4, 5, 6};
        Dataset data = new Dataset("toy", SparseMatrix.fromDense(new double[6][1]), y, List.of("zero"));
        CrossValidationResult r = new CrossValidator(new KFold(3, false, 0)).run(new MeanTrainer(), data);
        assertEquals("mean", r.trainer());
        assertEquals(
                List.of(3.0, 0.5, 3.0),
                r.folds().stream().map(f -> f.evaluation().meanAbsoluteError()).toList());
        assertEquals(6.5 / 3, r.mean().get("mean_absolute_error"), TOL);
        // sample std (ddof=1): deviations 5/6, -5/3, 5/6 -> sum sq 25/6, / 2 -> sqrt(25/12)
        assertEquals(Math.sqrt(25.0 / 12.0), r.std().get("mean_absolute_error"), TOL);
    }

    @Test
    void aggregatesMatchCommonsMathAndParallelRunsAreIdentical() {
        Dataset data = SyntheticData.linear("synthetic", 500, 1.0, SEED);
        CrossValidationResult sequential =
                new CrossValidator(KFold.shuffled(5, SEED), 1).run(new LeastSquaresTrainer(), data);
        CrossValidationResult parallel =
                new CrossValidator(KFold.shuffled(5, SEED), 3).run(new LeastSquaresTrainer(), data);
        assertEquals(sequential, parallel);
        assertEquals(
                List.of(0, 1, 2, 3, 4),
                parallel.folds().stream().map(FoldResult::fold).toList());
        assertTrue(sequential.folds().stream().allMatch(f -> f.testRows() == 100 && f.trainRows() == 400));
        DescriptiveStatistics stats = new DescriptiveStatistics();
        sequential.folds().forEach(f -> stats.addValue(f.evaluation().rootMeanSquaredError()));
        assertEquals(stats.getMean(), sequential.mean().get("root_mean_squared_error"), TOL);
        assertEquals(stats.getStandardDeviation(), sequential.std().get("root_mean_squared_error"), TOL);
        // noise sd is 1.0, so held-out RMSE of the true linear form is close to 1
        assertEquals(1.0, sequential.mean().get("root_mean_squared_error"), 0.15);
        CrossValidationResult otherSeed =
                new CrossValidator(KFold.shuffled(5, SEED + 1), 2).run(new LeastSquaresTrainer(), data);
        assertNotEquals(sequential.mean(), otherSeed.mean());
    }
}
