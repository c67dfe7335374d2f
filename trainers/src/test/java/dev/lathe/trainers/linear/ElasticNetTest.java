package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lasso and elastic net against closed forms and the optimality (KKT) conditions. */
class ElasticNetTest {
    /** One CD sweep solves an orthogonal design exactly, up to rounding. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-12;
    /** KKT residuals of a fit stopped at a 1e-14 scaled duality gap. */
    private static final double KKT_TOLERANCE = 1e-6;

    /** Columns 1..4 of the 8x8 Sylvester-Hadamard matrix: centred and mutually orthogonal. */
    private static final double[][] HADAMARD_COLUMNS = {
        {1, 1, 1, 1}, {-1, 1, -1, 1}, {1, -1, -1, 1}, {-1, -1, 1, 1},
        {1, 1, 1, -1}, {-1, 1, -1, -1}, {1, -1, -1, -1}, {-1, -1, 1, -1}
    };

    @Test
    void orthogonalDesignIsSoftThresholding() {
        double[][] x = new double[8][4];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = HADAMARD_COLUMNS[i][j] * (j == 2 ? 2.0 : 1.0);
            }
        }
        double[] y = {3.1, -0.4, 2.2, 0.7, 5.0, 1.3, -2.6, 0.9};
        Dataset d = new Dataset("hadamard", SparseMatrix.fromDense(x), y, SyntheticDesigns.names("h", 4));
        double yMean = ColumnMoments.mean(y);
        for (double l1Ratio : new double[] {1.0, 0.3}) {
            double alpha = 0.5;
            LinearModel m = new ElasticNetTrainer(ElasticNetParams.builder(alpha, l1Ratio)
                            .tolerance(1e-12)
                            .build())
                    .fit(d);
            int zeros = 0;
            for (int j = 0; j < 4; j++) {
                double xy = 0.0;
                double xx = 0.0;
                for (int i = 0; i < 8; i++) {
                    xy += x[i][j] * (y[i] - yMean);
                    xx += x[i][j] * x[i][j];
                }
                double threshold = 8 * alpha * l1Ratio;
                double expected =
                        Math.signum(xy) * Math.max(Math.abs(xy) - threshold, 0.0) / (xx + 8 * alpha * (1 - l1Ratio));
                zeros += expected == 0.0 ? 1 : 0;
                assertEquals(expected, m.coefficient(j), CLOSED_FORM_TOLERANCE, "l1Ratio " + l1Ratio + " coef " + j);
            }
            assertEquals(yMean, m.intercept(), CLOSED_FORM_TOLERANCE);
            assertTrue(zeros >= 1, "the case must exercise thresholding to zero");
        }
    }

    @Test
    void generalDesignSatisfiesKktConditions() {
        for (Dataset d : List.of(
                SyntheticDesigns.gaussian("gauss", 80, 12, 21L),
                SyntheticDesigns.nestedOneHot("nested", 200, 4, 4, 5L))) {
            for (double l1Ratio : new double[] {1.0, 0.5}) {
                double alpha = 0.05;
                LinearModel m = new ElasticNetTrainer(ElasticNetParams.builder(alpha, l1Ratio)
                                .tolerance(1e-14)
                                .maxIterations(1_000_000)
                                .build())
                        .fit(d);
                assertKkt(d, m, alpha, l1Ratio);
                assertEquals("true", m.provenance().fitDetails().get("converged"));
            }
        }
    }

    @Test
    void activeSetAndPlainSweepsReachTheSameOptimum() {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 300, 5, 4, 13L);
        ElasticNetParams.Builder b =
                ElasticNetParams.builder(0.02, 0.8).tolerance(1e-14).maxIterations(1_000_000);
        LinearModel withActive = new ElasticNetTrainer(b.activeSet(true).build()).fit(d);
        LinearModel plain = new ElasticNetTrainer(b.activeSet(false).build()).fit(d);
        for (int j = 0; j < d.featureCount(); j++) {
            assertEquals(plain.coefficient(j), withActive.coefficient(j), KKT_TOLERANCE, "coef " + j);
        }
        assertEquals(plain.intercept(), withActive.intercept(), KKT_TOLERANCE);
    }

    @Test
    void iterationCapStopsEarlyAndReportsAValidDualityGap() {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 200, 4, 5, 23L);
        double alpha = 0.01;
        ElasticNetParams.Builder b =
                ElasticNetParams.builder(alpha, 1.0).tolerance(1e-14).activeSet(false);
        LinearModel capped = new ElasticNetTrainer(b.maxIterations(1).build()).fit(d);
        LinearModel optimal = new ElasticNetTrainer(b.maxIterations(1_000_000).build()).fit(d);
        var details = capped.provenance().fitDetails();
        assertEquals("1", details.get("iterations"));
        assertEquals("false", details.get("converged"));
        // Weak duality: the gap bounds the (n-scaled) suboptimality of the capped coefficients.
        double gap = Double.parseDouble(details.get("duality_gap"));
        double n = d.rows();
        double suboptimality = n * (objective(d, capped, alpha, 1.0) - objective(d, optimal, alpha, 1.0));
        assertTrue(suboptimality > 0.0, "one sweep must not already be optimal");
        assertTrue(gap >= suboptimality * (1 - 1e-9), "gap " + gap + " must bound " + suboptimality);
    }

    /** The scikit-learn objective, evaluated densely. */
    static double objective(Dataset d, LinearModel m, double alpha, double l1Ratio) {
        double[] p = m.predict(d.features());
        double rss = 0.0;
        for (int i = 0; i < p.length; i++) {
            rss += (d.target()[i] - p[i]) * (d.target()[i] - p[i]);
        }
        double l1 = 0.0;
        double l2 = 0.0;
        for (double w : m.coefficients()) {
            l1 += Math.abs(w);
            l2 += w * w;
        }
        return rss / (2.0 * p.length) + alpha * l1Ratio * l1 + 0.5 * alpha * (1 - l1Ratio) * l2;
    }

    /**
     * Stationarity of {@code 1/(2n)||yc - Xc w||^2 + a r ||w||_1 + a(1-r)/2 ||w||^2}: with {@code g_j =
     * xc_j . (yc - Xc w) / n - a (1-r) w_j}, {@code g_j = a r sign(w_j)} where w_j != 0 and {@code |g_j|
     * <= a r} where w_j = 0. Computed densely here, independently of the solver.
     */
    static void assertKkt(Dataset d, LinearModel m, double alpha, double l1Ratio) {
        double[][] xc = SyntheticDesigns.centred(d.features().toDense());
        int n = xc.length;
        double yMean = ColumnMoments.mean(d.target());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double fit = 0.0;
            for (int j = 0; j < xc[i].length; j++) {
                fit += xc[i][j] * m.coefficient(j);
            }
            r[i] = d.target()[i] - yMean - fit;
        }
        for (int j = 0; j < xc[0].length; j++) {
            double g = 0.0;
            for (int i = 0; i < n; i++) {
                g += xc[i][j] * r[i];
            }
            g = g / n - alpha * (1 - l1Ratio) * m.coefficient(j);
            double w = m.coefficient(j);
            if (w != 0.0) {
                assertEquals(alpha * l1Ratio * Math.signum(w), g, KKT_TOLERANCE, d.name() + " active coef " + j);
            } else {
                assertTrue(Math.abs(g) <= alpha * l1Ratio + KKT_TOLERANCE, d.name() + " zero coef " + j + " g=" + g);
            }
        }
        double[] means = ColumnMoments.of(d.features()).means();
        assertEquals(yMean - MinimumNormProjection.dot(means, m.coefficients()), m.intercept(), KKT_TOLERANCE);
    }
}
