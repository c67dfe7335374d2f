package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelIO;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XGBoostTrainerTest {
    /** XGBoost computes in float32: hand-computed leaf values agree to float precision. */
    private static final double FLOAT_TOL = 1e-5;

    private static Dataset stumpData() {
        // column "x" separates {1,2} from {3,4}; column "c" is constant and can never split.
        double[][] x = {{1, 1}, {2, 1}, {3, 1}, {4, 1}};
        return new Dataset("stump", SparseMatrix.fromDense(x), new double[] {1, 2, 6, 7}, List.of("x", "c"));
    }

    private static XGBoostParams.Builder stump() {
        return XGBoostParams.builder(1)
                .learningRate(1)
                .maxDepth(1)
                .regLambda(0)
                .minChildWeight(0)
                .nthread(1)
                .seed(7);
    }

    @Test
    void depthOneTreeWithUnitLearningRateAndNoLambdaPredictsLeafMeans() {
        XGBoostModel model = new XGBoostTrainer(stump().build()).fit(stumpData());
        // One split between 2 and 3; with eta 1 and lambda 0 each leaf lands on its mean target.
        double[] p = model.predict(stumpData().features());
        assertArrayEquals(new double[] {1.5, 1.5, 6.5, 6.5}, p, FLOAT_TOL);
    }

    @Test
    void importanceOfTheStumpMatchesHandComputedWeightGainAndCover() {
        XGBoostModel model = new XGBoostTrainer(stump().build()).fit(stumpData());
        // Squared error: g = base - y, h = 1. Gain = G_L^2/H_L + G_R^2/H_R - G^2/H, which for
        // y = {1,2 | 6,7} is 25 whatever the base score; cover = sum of hessians = 4.
        assertEquals(Map.of("x", 1.0), model.featureImportance(ImportanceType.WEIGHT));
        assertEquals(25.0, model.featureImportance(ImportanceType.GAIN).get("x"), 1e-4);
        assertEquals(4.0, model.featureImportance(ImportanceType.COVER).get("x"), FLOAT_TOL);
        assertFalse(model.featureImportance(ImportanceType.GAIN).containsKey("c"));
    }

    @Test
    void earlyStoppingKeepsAllTreesButPredictsWithTheBestIterationOnly() {
        Dataset train = TestData.taxiLike("train", 400, 8, 3.0, 1);
        Dataset valid = TestData.taxiLike("valid", 300, 8, 3.0, 2);
        XGBoostParams params = XGBoostParams.builder(300)
                .learningRate(0.3)
                .maxDepth(8)
                .minChildWeight(0)
                .regLambda(0)
                .earlyStoppingRounds(5)
                .seed(3)
                .build();
        RecordingListener rec = new RecordingListener(-1);
        XGBoostModel model = new XGBoostTrainer(params)
                .fit(train, FitContext.builder().validation(valid).listener(rec).build());

        List<Double> val = rec.values("validation_rmse");
        int argmin = 0;
        for (int i = 1; i < val.size(); i++) {
            if (val.get(i) < val.get(argmin)) {
                argmin = i;
            }
        }
        assertEquals(argmin, model.bestIteration());
        assertEquals(argmin + 5 + 1, model.roundsTrained(), "stops exactly patience rounds after the best");
        assertEquals(model.roundsTrained(), rec.values("training_rmse").size());
        assertEquals(Integer.toString(argmin), model.provenance().fitDetails().get("best_iteration"));

        // Independent reference: a booster trained for exactly best+1 rounds, no validation set.
        XGBoostModel ref = new XGBoostTrainer(params.toBuilder()
                        .numBoostRounds(argmin + 1)
                        .earlyStoppingRounds(0)
                        .build())
                .fit(train);
        assertArrayEquals(ref.predict(valid.features()), model.predict(valid.features()));
        double rmse = TestData.rmse(model.predict(valid.features()), valid.target());
        assertEquals(val.get(argmin), rmse, 1e-4, "reported best validation rmse");
    }

    @Test
    void listenerCanPruneTheFit() {
        Dataset train = TestData.taxiLike("train", 200, 4, 1.0, 5);
        RecordingListener rec = new RecordingListener(3);
        XGBoostModel model = new XGBoostTrainer(XGBoostParams.builder(100).build())
                .fit(train, FitContext.builder().listener(rec).build());
        assertEquals(4, model.roundsTrained());
        assertEquals("pruned", model.provenance().fitDetails().get("stop_reason"));
    }

    @Test
    void saveAndLoadGiveIdenticalPredictions() {
        Dataset train = TestData.taxiLike("train", 300, 6, 2.0, 11);
        Dataset valid = TestData.taxiLike("valid", 200, 6, 2.0, 12);
        XGBoostModel model = new XGBoostTrainer(XGBoostParams.builder(200)
                        .earlyStoppingRounds(3)
                        .seed(1)
                        .build())
                .fit(train, FitContext.builder().validation(valid).build());
        XGBoostModel back = (XGBoostModel) ModelIO.fromBytes(ModelIO.toBytes(model));
        assertArrayEquals(model.predict(valid.features()), back.predict(valid.features()));
        assertEquals(model.bestIteration(), back.bestIteration());
        assertEquals(model.featureNames(), back.featureNames());
        assertEquals(model.provenance(), back.provenance().withPayloadDigest(""));
    }

    @Test
    void sameSeedIsBitIdenticalAndAnotherSeedDiffers() {
        Dataset train = TestData.taxiLike("train", 500, 10, 2.0, 21);
        XGBoostParams.Builder b =
                XGBoostParams.builder(20).subsample(0.6).colsampleBynode(0.5).nthread(2);
        double[] p1 = new XGBoostTrainer(b.seed(42).build()).fit(train).predict(train.features());
        double[] p2 = new XGBoostTrainer(b.seed(42).build()).fit(train).predict(train.features());
        double[] p3 = new XGBoostTrainer(b.seed(43).build()).fit(train).predict(train.features());
        assertArrayEquals(p1, p2);
        assertFalse(Arrays.equals(p1, p3));
    }

    @Test
    void rejectsAValidationSetOfAnotherWidth() {
        Dataset train = TestData.taxiLike("train", 50, 4, 1.0, 1);
        Dataset valid = TestData.taxiLike("valid", 50, 5, 1.0, 2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.lathe.core.LatheException.class,
                () -> new XGBoostTrainer(XGBoostParams.builder(5).build())
                        .fit(train, FitContext.builder().validation(valid).build()));
        assertTrue(e.getMessage().contains("validation dataset 'valid' has 6 features"), e.getMessage());
    }
}
