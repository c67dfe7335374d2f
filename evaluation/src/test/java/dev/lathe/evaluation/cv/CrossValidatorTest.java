package dev.lathe.evaluation.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.KFold;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.testkit.LeastSquaresTrainer;
import dev.lathe.testkit.MeanTrainer;
import dev.lathe.testkit.SyntheticData;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class CrossValidatorTest {
    private static final double TOL = 1e-12;
    private static final long SEED = 42L;

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
