package dev.lathe.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference values computed with scikit-learn 1.2.1 on /usr/bin/python3:
 *
 * <pre>
 * import numpy as np; from sklearn import metrics as m
 * yt = np.array([12.5, 3.0, 0.0, 27.25, 8.0, 15.5, 41.0, 6.75])
 * yp = np.array([10.0, 4.5, 1.25, 30.0, 7.0, 18.0, 35.5, 6.0])
 * m.mean_absolute_error(yt, yp), m.mean_squared_error(yt, yp), np.sqrt(m.mean_squared_error(yt, yp)),
 * m.r2_score(yt, yp), m.max_error(yt, yp), m.mean_absolute_percentage_error(yt, yp),
 * m.median_absolute_error(yt, yp), yt.sum(), yt.mean()
 * </pre>
 *
 * and the same expressions on {@code yt = [3.0, -0.5, 2.0, 7.0, 4.25]}, {@code yp = [2.5, 0.0, 2.0, 8.0,
 * 3.0]}.
 */
class RegressionEvaluatorTest {
    private static final double TOL = 1e-12;

    private static final double[] Y_TRUE = {12.5, 3.0, 0.0, 27.25, 8.0, 15.5, 41.0, 6.75};
    private static final double[] Y_PRED = {10.0, 4.5, 1.25, 30.0, 7.0, 18.0, 35.5, 6.0};

    private final RegressionEvaluator evaluator = new RegressionEvaluator();

    @Test
    void matchesScikitLearnOnEvenExampleWithZeroTarget() {
        RegressionEvaluation e = evaluator.evaluate(Y_TRUE, Y_PRED);
        assertEquals(8, e.exampleCount());
        assertEquals(2.21875, e.meanAbsoluteError(), TOL);
        assertEquals(6.9609375, e.meanSquaredError(), TOL);
        assertEquals(2.6383588649006793, e.rootMeanSquaredError(), TOL);
        assertEquals(114.0, e.sumOnTarget(), TOL);
        assertEquals(14.25, e.meanOnTarget(), TOL);
        assertEquals(0.9576238942261961, e.r2Score(), TOL);
        assertEquals(5.5, e.maxError(), TOL);
        // the zero target contributes 1.25 / eps: relative tolerance on a ~7e14 value
        assertEquals(703687441776640.2, e.meanAbsolutePercentageError(), 703687441776640.2 * TOL);
        assertEquals(2.0, e.medianAbsoluteError(), TOL);
    }

    @Test
    void matchesScikitLearnOnOddExampleWithNegativeTarget() {
        RegressionEvaluation e =
                evaluator.evaluate(new double[] {3.0, -0.5, 2.0, 7.0, 4.25}, new double[] {2.5, 0.0, 2.0, 8.0, 3.0});
        assertEquals(0.65, e.meanAbsoluteError(), TOL);
        assertEquals(0.6125, e.meanSquaredError(), TOL);
        assertEquals(0.9002442996742671, e.r2Score(), TOL);
        assertEquals(1.25, e.maxError(), TOL);
        assertEquals(0.32072829131652664, e.meanAbsolutePercentageError(), TOL);
        assertEquals(0.5, e.medianAbsoluteError(), TOL);
    }

    @Test
    void r2OfConstantTargetFollowsScikitLearnForceFinite() {
        // m.r2_score([5.,5.,5.],[5.,5.,5.]) == 1.0 and m.r2_score([5.,5.,5.],[5.,4.,5.]) == 0.0
        assertEquals(
                1.0,
                evaluator
                        .evaluate(new double[] {5, 5, 5}, new double[] {5, 5, 5})
                        .r2Score());
        assertEquals(
                0.0,
                evaluator
                        .evaluate(new double[] {5, 5, 5}, new double[] {5, 4, 5})
                        .r2Score());
        assertTrue(Double.isNaN(
                evaluator.evaluate(new double[] {5}, new double[] {4}).r2Score()));
    }

    @Test
    void toMapUsesMlflowNamesInOrder() {
        Map<String, Double> m = evaluator.evaluate(Y_TRUE, Y_PRED).toMap();
        assertEquals(
                List.of(
                        "example_count",
                        "mean_absolute_error",
                        "mean_squared_error",
                        "root_mean_squared_error",
                        "sum_on_target",
                        "mean_on_target",
                        "r2_score",
                        "max_error",
                        "mean_absolute_percentage_error",
                        "median_absolute_error"),
                List.copyOf(m.keySet()));
        assertEquals(8.0, m.get("example_count"));
        assertEquals(2.21875, m.get("mean_absolute_error"), TOL);
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", 1.0));
    }

    @Test
    void rejectsBadInputsWithClearMessages() {
        LatheException len =
                assertThrows(LatheException.class, () -> evaluator.evaluate(new double[] {1, 2}, new double[] {1}));
        assertEquals("y_true and y_pred must have equal lengths, got 2 and 1", len.getMessage());
        LatheException empty =
                assertThrows(LatheException.class, () -> evaluator.evaluate(new double[0], new double[0]));
        assertEquals("y_true must not be empty, got 0 values", empty.getMessage());
        LatheException nan = assertThrows(
                LatheException.class, () -> evaluator.evaluate(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertEquals("y_pred must be finite, got NaN at index 1", nan.getMessage());
        LatheException inf = assertThrows(
                LatheException.class,
                () -> evaluator.evaluate(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
        assertEquals("y_true must be finite, got Infinity at index 0", inf.getMessage());
    }
}
