package dev.lathe.trainers.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.ModelIO;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.TreeMethod;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class XGBoostForestTrainerTest {
    @Test
    void forestIsOneRoundOfParallelTreesAtUnitLearningRate() {
        ForestParams p = ForestParams.builder(50, 7).seed(3).build();
        XGBoostParams x = p.toXGBoost();
        assertEquals(1, x.numBoostRounds());
        assertEquals(50, x.numParallelTree());
        assertEquals(1.0, x.learningRate());
        assertEquals(0.632, x.subsample());
        assertEquals(1.0, x.colsampleBynode());
        assertEquals(TreeMethod.EXACT, x.treeMethod());
        LatheException e = assertThrows(
                LatheException.class,
                () -> ForestParams.builder(5, 3).colsampleBynode(0.8).build());
        assertTrue(e.getMessage().contains("colsample_bynode = 1"), e.getMessage());
        assertEquals(
                0.8,
                ForestParams.builder(5, 3)
                        .colsampleBynode(0.8)
                        .treeMethod(TreeMethod.HIST)
                        .build()
                        .toXGBoost()
                        .colsampleBynode());
    }

    @Test
    void averagingManyTreesBeatsOneDeepTreeOnNoisyData() {
        Dataset train = TestData.taxiLike("train", 600, 10, 4.0, 1);
        Dataset valid = TestData.taxiLike("valid", 600, 10, 4.0, 2);
        XGBoostModel forest = new XGBoostForestTrainer(
                        ForestParams.builder(60, 10).seed(5).nthread(2).build())
                .fit(train);
        XGBoostModel tree = new XGBoostTrainer(XGBoostParams.builder(1)
                        .learningRate(1)
                        .maxDepth(10)
                        .regLambda(1e-5)
                        .build())
                .fit(train);
        double rf = TestData.rmse(forest.predict(valid.features()), valid.target());
        double single = TestData.rmse(tree.predict(valid.features()), valid.target());
        assertTrue(rf < single * 0.9, "forest rmse " + rf + " vs single tree " + single);
        assertEquals(1, forest.roundsTrained());
        assertEquals(60, forest.numParallelTree());
    }

    @Test
    void seededAndRoundTrips() {
        Dataset train = TestData.taxiLike("train", 300, 6, 2.0, 7);
        ForestParams.Builder b = ForestParams.builder(20, 6).nthread(2);
        XGBoostModel a = new XGBoostForestTrainer(b.seed(1).build()).fit(train);
        XGBoostModel a2 = new XGBoostForestTrainer(b.seed(1).build()).fit(train);
        XGBoostModel c = new XGBoostForestTrainer(b.seed(2).build()).fit(train);
        assertArrayEquals(a.predict(train.features()), a2.predict(train.features()));
        assertFalse(Arrays.equals(a.predict(train.features()), c.predict(train.features())));
        XGBoostModel back = (XGBoostModel) ModelIO.fromBytes(ModelIO.toBytes(a));
        assertArrayEquals(a.predict(train.features()), back.predict(train.features()));
        assertEquals("rf", back.provenance().trainer());
        assertEquals(b.seed(1).build().values().asStrings(), back.provenance().hyperparameters());
    }

    @Test
    void rejectsAForestWithoutRowSubsampling() {
        assertEquals(
                "subsample must be in (0, 1), got 1.0",
                assertThrows(
                                LatheException.class,
                                () -> ForestParams.builder(10, 5).subsample(1).build())
                        .getMessage());
        assertEquals(
                "num_parallel_tree must be in [1, inf), got 0",
                assertThrows(LatheException.class, () -> ForestParams.builder(0, 5)
                                .build())
                        .getMessage());
    }
}
