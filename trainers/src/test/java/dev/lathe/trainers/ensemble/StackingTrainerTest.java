package dev.lathe.trainers.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.Fold;
import dev.lathe.core.data.KFold;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class StackingTrainerTest {
    /** Meta OLS (CG to 1e-10) vs dense QR least squares on the same out-of-fold columns. */
    private static final double META_TOL = 1e-6;

    private static List<Trainer<?>> bases() {
        return List.of(
                new OlsTrainer(OlsParams.defaults()),
                new XGBoostTrainer(
                        XGBoostParams.builder(10).maxDepth(3).seed(2).nthread(1).build()));
    }

    @Test
    void metaModelIsLeastSquaresOnHandComputedOutOfFoldPredictions() {
        Dataset data = TestData.taxiLike("t", 240, 6, 1.5, 31);
        StackedModel model = new StackingTrainer(bases(), new OlsTrainer(OlsParams.defaults()), 4, 11).fit(data);

        // Independent out-of-fold predictions, fold by fold.
        int n = data.rows();
        List<Fold> folds = KFold.shuffled(4, 11).split(n);
        double[][] design = new double[n][3];
        for (int b = 0; b < 2; b++) {
            for (Fold fold : folds) {
                Model m = bases().get(b).fit(data.selectRows("in", fold.trainRows()));
                int[] held = fold.testRows();
                double[] p = m.predict(data.features().selectRows(held));
                for (int i = 0; i < p.length; i++) {
                    design[held[i]][0] = 1;
                    design[held[i]][1 + b] = p[i];
                }
            }
        }
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(design))
                .getSolver()
                .solve(new ArrayRealVector(data.target()));
        LinearModel meta = (LinearModel) model.meta();
        assertEquals(beta.getEntry(0), meta.intercept(), META_TOL);
        assertArrayEquals(new double[] {beta.getEntry(1), beta.getEntry(2)}, meta.coefficients(), META_TOL);

        // Prediction = meta applied to the full-data base models.
        double[] p0 = bases().get(0).fit(data).predict(data.features());
        double[] p1 = bases().get(1).fit(data).predict(data.features());
        double[] p = model.predict(data.features());
        for (int i = 0; i < n; i++) {
            assertEquals(beta.getEntry(0) + beta.getEntry(1) * p0[i] + beta.getEntry(2) * p1[i], p[i], 1e-5);
        }
    }

    @Test
    void roundTripsWithBaseAndMetaModels() {
        Dataset data = TestData.taxiLike("t", 120, 4, 1.0, 5);
        StackedModel model = new StackingTrainer(bases(), new OlsTrainer(OlsParams.defaults()), 3, 1).fit(data);
        Model back = ModelIO.fromBytes(ModelIO.toBytes(model));
        assertEquals(StackedModel.KIND, back.kind());
        assertArrayEquals(model.predict(data.features()), back.predict(data.features()));
    }

    @Test
    void rejectsTooFewFolds() {
        assertEquals(
                "folds must be in [2, inf), got 1",
                assertThrows(
                                LatheException.class,
                                () -> new StackingTrainer(bases(), new OlsTrainer(OlsParams.defaults()), 1, 0))
                        .getMessage());
    }
}
