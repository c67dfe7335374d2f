package dev.lathe.trainers.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.ModelIO;
import dev.lathe.trainers.boosted.TestData;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class TribuoTrainersTest {
    /** SGD and LibLinear stop at a tolerance; on noise-free data they land this close to OLS. */
    private static final double LINEAR_TOL = 0.05;

    private static final double[] W = {1.5, -2.0, 0.25};
    private static final double B = 3.0;

    /** Reference predictions from dense QR least squares with an intercept column. */
    private static double[] qrPredictions(Dataset train, Dataset test) {
        double[][] xt = train.features().toDense();
        double[][] design = new double[xt.length][W.length + 1];
        for (int i = 0; i < xt.length; i++) {
            design[i][0] = 1;
            System.arraycopy(xt[i], 0, design[i], 1, W.length);
        }
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(design))
                .getSolver()
                .solve(new ArrayRealVector(train.target()));
        double[][] x = test.features().toDense();
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = beta.getEntry(0);
            for (int j = 0; j < W.length; j++) {
                p[i] += beta.getEntry(j + 1) * x[i][j];
            }
        }
        return p;
    }

    @Test
    void sgdConvergesToLeastSquaresOnExactLinearData() {
        Dataset train = TestData.exactLinear("train", 400, W, B, 1);
        Dataset test = TestData.exactLinear("test", 100, W, B, 2);
        TribuoModel m = new TribuoSgdTrainer(new SgdParams(200, 0.5, 1, 7)).fit(train);
        assertArrayEquals(qrPredictions(train, test), m.predict(test.features()), LINEAR_TOL);
    }

    @Test
    void aRowWithoutFeaturesPredictsTheInterceptInsteadOfFailing() {
        Dataset train = TestData.exactLinear("train", 400, W, B, 5);
        TribuoModel m = new TribuoSgdTrainer(new SgdParams(200, 0.5, 1, 7)).fit(train);
        // An all-zero row (an unseen category with distance 0) must score as x = 0, i.e. the intercept.
        SparseMatrix empty = new SparseMatrix(1, W.length, new int[] {0, 0}, new int[0], new double[0]);
        double[] zeroRow = m.predict(empty);
        assertEquals(B, zeroRow[0], LINEAR_TOL);
    }

    @Test
    void libLinearWithLargeCostApproachesLeastSquares() {
        Dataset train = TestData.exactLinear("train", 400, W, B, 3);
        Dataset test = TestData.exactLinear("test", 100, W, B, 4);
        TribuoModel m = new TribuoLibLinearTrainer(new LibLinearParams(
                        org.tribuo.regression.liblinear.LinearRegressionType.LinearType.L2R_L2LOSS_SVR,
                        1000.0,
                        10000,
                        1e-6,
                        0.0,
                        0L))
                .fit(train);
        assertArrayEquals(qrPredictions(train, test), m.predict(test.features()), LINEAR_TOL);
    }

    @Test
    void forestFitsALowDimensionalNonLinearSignalAndIsSeeded() {
        Dataset train = TestData.taxiLike("train", 400, 3, 0.5, 5);
        Dataset valid = TestData.taxiLike("valid", 200, 3, 0.5, 6);
        TribuoForestTrainer t = new TribuoForestTrainer(new TribuoForestParams(30, 8, 0.7f, 1f, 9));
        TribuoModel a = t.fit(train);
        TribuoModel b = t.fit(train);
        assertArrayEquals(a.predict(valid.features()), b.predict(valid.features()));
        double mean = Arrays.stream(train.target()).average().orElseThrow();
        double[] constant = new double[valid.rows()];
        Arrays.fill(constant, mean);
        double rf = TestData.rmse(a.predict(valid.features()), valid.target());
        double baseline = TestData.rmse(constant, valid.target());
        assertTrue(rf < baseline * 0.3, "forest rmse " + rf + " vs mean baseline " + baseline);
    }

    @Test
    void everyTribuoModelRoundTripsThroughProtobuf() {
        Dataset train = TestData.taxiLike("train", 200, 4, 1.0, 8);
        for (var trainer : java.util.List.of(
                new TribuoSgdTrainer(new SgdParams(5, 0.1, 1, 1)),
                new TribuoLibLinearTrainer(LibLinearParams.l2Loss(1.0)),
                new TribuoForestTrainer(new TribuoForestParams(5, 4, 0.5f, 1f, 1)))) {
            TribuoModel m = trainer.fit(train);
            TribuoModel back = (TribuoModel) ModelIO.fromBytes(ModelIO.toBytes(m));
            assertArrayEquals(m.predict(train.features()), back.predict(train.features()), trainer.name());
            assertEquals(m.provenance(), back.provenance().withPayloadDigest(""));
        }
    }

    @Test
    void invalidParametersFailWithTheirValues() {
        assertEquals(
                "epochs must be in [1, inf), got 0",
                assertThrows(LatheException.class, () -> new SgdParams(0, 0.1, 1, 1))
                        .getMessage());
        assertEquals(
                "cost must be in (0, inf), got -1.0",
                assertThrows(LatheException.class, () -> LibLinearParams.l2Loss(-1))
                        .getMessage());
        assertEquals(
                "feature_fraction must be in (0, 1), got 1.0",
                assertThrows(LatheException.class, () -> new TribuoForestParams(10, 5, 1f, 1f, 1))
                        .getMessage());
    }
}
