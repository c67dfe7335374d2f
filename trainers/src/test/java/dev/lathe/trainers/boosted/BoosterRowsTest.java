package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Merging identical rows into weighted rows must train the same booster (up to float rounding of the
 * gradient sums) and report the same per-round RMSE over the input rows.
 */
class BoosterRowsTest {
    /** Float rounding of gradient sums moves predictions by far less than this (targets are ~20). */
    private static final double PREDICTION_TOLERANCE = 1e-3;
    /** XGBoost evaluates RMSE in float32: merged and unmerged agree to its precision. */
    private static final double RMSE_RELATIVE_TOLERANCE = 1e-6;

    /** The distinct rows of a taxi-like set, each repeated 1 to 4 times with its own label noise. */
    private static Dataset repeated(String name, int distinct, long seed) {
        Dataset base = TestData.taxiLike(name + "-base", distinct, 30, 1.0, seed);
        SplittableRandom rnd = new SplittableRandom(seed + 100);
        int[] idx = new int[distinct * 4];
        int n = 0;
        for (int r = 0; r < distinct; r++) {
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                idx[n++] = r;
            }
        }
        int[] rows = Arrays.copyOf(idx, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = base.target()[rows[i]] + 2 * (rnd.nextDouble() - 0.5);
        }
        return new Dataset(name, base.features().selectRows(rows), y, base.featureNames());
    }

    private static XGBoostParams params() {
        return XGBoostParams.builder(30)
                .maxDepth(8)
                .learningRate(0.3)
                .minChildWeight(1.5)
                .earlyStoppingRounds(5)
                .nthread(1)
                .seed(11)
                .build();
    }

    @Test
    void mergedRowsTrainTheSameBoosterAndReportTheSameRmse() {
        Dataset train = repeated("train", 300, 1);
        Dataset valid = repeated("valid", 200, 2);
        RecordingListener mergedLog = new RecordingListener(-1);
        RecordingListener fullLog = new RecordingListener(-1);
        XGBoostTrainer trainer = new XGBoostTrainer(params());
        XGBoostModel merged = trainer.fit(
                train,
                FitContext.builder().validation(valid).listener(mergedLog).build());
        XGBoostModel full = trainer.keepingAllRows()
                .fit(
                        train,
                        FitContext.builder().validation(valid).listener(fullLog).build());

        assertEquals("300 of " + train.rows(), merged.provenance().fitDetails().get("booster_rows"));
        assertEquals(
                train.rows() + " of " + train.rows(),
                full.provenance().fitDetails().get("booster_rows"));
        assertEquals(full.bestIteration(), merged.bestIteration());
        double[] pm = merged.predict(valid.features());
        double[] pf = full.predict(valid.features());
        for (int i = 0; i < pm.length; i++) {
            assertEquals(pf[i], pm[i], PREDICTION_TOLERANCE, "prediction " + i);
        }
        for (String key : List.of("training_rmse", "validation_rmse")) {
            List<Double> a = fullLog.values(key);
            List<Double> b = mergedLog.values(key);
            assertEquals(a.size(), b.size(), key + " rounds");
            for (int r = 0; r < a.size(); r++) {
                assertEquals(a.get(r), b.get(r), a.get(r) * RMSE_RELATIVE_TOLERANCE, key + " at round " + r);
            }
        }
    }

    @Test
    void lastTrainingRmseMatchesTheModelsOwnPredictions() {
        Dataset train = repeated("train", 250, 3);
        RecordingListener log = new RecordingListener(-1);
        XGBoostModel model = new XGBoostTrainer(params())
                .fit(train, FitContext.builder().listener(log).build());
        assertTrue(model.provenance().fitDetails().get("booster_rows").startsWith("250 of "));
        List<Double> rmse = log.values("training_rmse");
        double direct = TestData.rmse(model.predict(train.features()), train.target());
        assertEquals(direct, rmse.get(rmse.size() - 1), direct * RMSE_RELATIVE_TOLERANCE);
    }

    @Test
    void correctionAddsBackTheSpreadInsideGroups() {
        Dataset ds = repeated("d", 50, 4);
        BoosterRows rows = BoosterRows.merged(ds.features(), ds.target());
        assertEquals(50, rows.rows());
        // any prediction per distinct row: the weighted RMSE over groups, corrected, is the plain RMSE
        SplittableRandom rnd = new SplittableRandom(5);
        double[] groupPrediction = new double[rows.rows()];
        for (int g = 0; g < groupPrediction.length; g++) {
            groupPrediction[g] = rnd.nextDouble() * 30;
        }
        double weighted = 0;
        double weightSum = 0;
        for (int g = 0; g < rows.rows(); g++) {
            double d = groupPrediction[g] - rows.labels()[g];
            weighted += rows.weights()[g] * d * d;
            weightSum += rows.weights()[g];
        }
        assertEquals(ds.rows(), weightSum, 0.0);
        // rows were repeated in order, so input row i belongs to the i-th distinct row seen
        double direct = 0;
        int g = -1;
        for (int i = 0; i < ds.rows(); i++) {
            if (i == 0 || !sameRow(ds, i, i - 1)) {
                g++;
            }
            double d = groupPrediction[g] - (float) ds.target()[i];
            direct += d * d;
        }
        double expected = Math.sqrt(direct / ds.rows());
        assertEquals(expected, rows.rmse(Math.sqrt(weighted / weightSum)), expected * RMSE_RELATIVE_TOLERANCE);
    }

    @Test
    void onlySquaredErrorWithRmseAndNoRowSamplingMerges() {
        assertTrue(BoosterRows.mergeable(params()));
        assertFalse(BoosterRows.mergeable(
                params().toBuilder().objective("reg:pseudohubererror").build()));
        assertFalse(BoosterRows.mergeable(params().toBuilder().evalMetric("mae").build()));
        assertFalse(BoosterRows.mergeable(params().toBuilder().subsample(0.8).build()));
        Dataset train = repeated("train", 100, 6);
        XGBoostModel sampled =
                new XGBoostTrainer(params().toBuilder().subsample(0.8).build()).fit(train, FitContext.none());
        assertEquals(
                train.rows() + " of " + train.rows(),
                sampled.provenance().fitDetails().get("booster_rows"));
        Dataset distinct = TestData.taxiLike("distinct", 80, 10, 1.0, 7);
        assertNull(BoosterRows.merged(distinct.features(), distinct.target()).weights(), "nothing to merge");
    }

    private static boolean sameRow(Dataset ds, int a, int b) {
        int[] p = ds.features().indptr();
        return Arrays.equals(
                        ds.features().indices(), p[a], p[a + 1], ds.features().indices(), p[b], p[b + 1])
                && Arrays.equals(
                        ds.features().values(), p[a], p[a + 1], ds.features().values(), p[b], p[b + 1]);
    }
}
