package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** OLS and ridge against dense direct solutions (QR, Cholesky, SVD pseudo-inverse) on small designs. */
class LeastSquaresTest {
    /** CG runs to a 1e-12 relative residual here, so coefficients agree with a direct solve to ~1e-9. */
    private static final double COEFFICIENT_TOLERANCE = 1e-8;

    private static final OlsParams TIGHT_OLS = new OlsParams(1e-12, 10_000);

    @Test
    void olsMatchesQrOnFullRankDesign() {
        Dataset d = SyntheticDesigns.gaussian("gauss", 60, 8, 11L);
        LinearModel model = new OlsTrainer(TIGHT_OLS).fit(d);

        double[][] x = d.features().toDense();
        double[][] withOnes = new double[x.length][x[0].length + 1];
        for (int i = 0; i < x.length; i++) {
            withOnes[i][0] = 1.0;
            System.arraycopy(x[i], 0, withOnes[i], 1, x[i].length);
        }
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(withOnes))
                .getSolver()
                .solve(new ArrayRealVector(d.target()));
        assertEquals(beta.getEntry(0), model.intercept(), COEFFICIENT_TOLERANCE);
        for (int j = 0; j < x[0].length; j++) {
            assertEquals(beta.getEntry(j + 1), model.coefficient(j), COEFFICIENT_TOLERANCE, "coefficient " + j);
        }
    }

    @Test
    void olsOnRankDeficientOneHotIsTheMinimumNormSolution() {
        Dataset all = SyntheticDesigns.nestedOneHot("nested", 240, 4, 5, 7L);
        // Train without PU=3 entirely and without the PU_DO cell (1, 2): those rows then reach the
        // coefficients only through null-space directions, so they test the minimum-norm choice.
        int a = 4;
        int b = 5;
        double[][] dense = all.features().toDense();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < dense.length; i++) {
            boolean pu3 = dense[i][3] == 1.0;
            boolean cell12 = dense[i][a + b + 1 * b + 2] == 1.0;
            if (!pu3 && !cell12) {
                keep.add(i);
            }
        }
        Dataset train = all.selectRows(
                "nested_train", keep.stream().mapToInt(Integer::intValue).toArray());
        LinearModel model = new OlsTrainer(TIGHT_OLS).fit(train);

        double[][] xc = SyntheticDesigns.centred(train.features().toDense());
        double yMean = ColumnMoments.mean(train.target());
        double[] yc = train.target().clone();
        for (int i = 0; i < yc.length; i++) {
            yc[i] -= yMean;
        }
        RealMatrix pinv = new SingularValueDecomposition(new Array2DRowRealMatrix(xc))
                .getSolver()
                .getInverse();
        double[] w = pinv.operate(yc);
        double[] means = ColumnMoments.of(train.features()).means();
        double intercept = yMean - MinimumNormProjection.dot(means, w);

        for (int j = 0; j < w.length; j++) {
            assertEquals(w[j], model.coefficient(j), COEFFICIENT_TOLERANCE, "coefficient " + j);
        }
        assertEquals(intercept, model.intercept(), COEFFICIENT_TOLERANCE);
        double[] expected = all.features().multiply(w, intercept);
        double[] actual = model.predict(all.features());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], COEFFICIENT_TOLERANCE, "prediction for row " + i);
        }
        assertEquals("cgls_range_projection", model.provenance().fitDetails().get("min_norm_projection"));
    }

    @Test
    void ridgeMatchesCholeskyOfPenalisedCentredGram() {
        for (Dataset d : List.of(
                SyntheticDesigns.gaussian("gauss", 50, 6, 3L),
                SyntheticDesigns.nestedOneHot("nested", 120, 3, 4, 5L))) {
            double alpha = 0.7;
            LinearModel model = new RidgeTrainer(new RidgeParams(alpha, 1e-12, 10_000)).fit(d);

            RealMatrix xc = new Array2DRowRealMatrix(
                    SyntheticDesigns.centred(d.features().toDense()));
            double yMean = ColumnMoments.mean(d.target());
            double[] yc = d.target().clone();
            for (int i = 0; i < yc.length; i++) {
                yc[i] -= yMean;
            }
            RealMatrix gram = xc.transpose().multiply(xc);
            for (int j = 0; j < gram.getRowDimension(); j++) {
                gram.addToEntry(j, j, alpha);
            }
            RealVector w = new CholeskyDecomposition(gram)
                    .getSolver()
                    .solve(xc.transpose().operate(new ArrayRealVector(yc)));
            double[] means = ColumnMoments.of(d.features()).means();
            for (int j = 0; j < w.getDimension(); j++) {
                assertEquals(w.getEntry(j), model.coefficient(j), COEFFICIENT_TOLERANCE, d.name() + " coef " + j);
            }
            assertEquals(
                    yMean - MinimumNormProjection.dot(means, w.toArray()), model.intercept(), COEFFICIENT_TOLERANCE);
        }
    }

    @Test
    void provenanceRecordsSolverDetails() {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 100, 3, 3, 9L);
        LinearModel model = new RidgeTrainer(RidgeParams.of(2.0)).fit(d);
        var details = model.provenance().fitDetails();
        assertEquals("jacobi_pcg_normal_equations", details.get("solver"));
        assertEquals(Double.toString(OlsParams.DEFAULT_TOLERANCE), details.get("tol"));
        assertTrue(Integer.parseInt(details.get("iterations")) >= 1);
        assertTrue(Double.parseDouble(details.get("relative_residual")) <= OlsParams.DEFAULT_TOLERANCE);
        assertEquals("ridge", model.provenance().trainer());
        assertEquals("2.0", model.provenance().hyperparameters().get("alpha"));
        assertEquals(d.digest(), model.provenance().datasetDigest());
    }
}
