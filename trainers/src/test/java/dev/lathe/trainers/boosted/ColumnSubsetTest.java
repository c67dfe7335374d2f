package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelIO;
import org.junit.jupiter.api.Test;

/**
 * Dropping columns that min_child_weight makes unsplittable must not change a single tree: the pruned
 * and unpruned boosters predict bit-identically on new data, and the model still takes (and names)
 * every input column.
 */
class ColumnSubsetTest {
    private static final int ZONES = 400;

    /** Taxi-like rows where many zones are seen once or twice (like rare PU_DO routes). */
    private static Dataset rareZones(String name, int rows, long seed) {
        // half the rows share 20 common zones, the rest spread over 380 rare ones
        return TestData.taxiLike(
                name,
                rows,
                ZONES,
                1.0,
                seed,
                rnd -> rnd.nextBoolean() ? rnd.nextInt(20) : 20 + rnd.nextInt(ZONES - 20));
    }

    private static XGBoostParams deepParams(double minChildWeight) {
        return XGBoostParams.builder(40)
                .maxDepth(12)
                .learningRate(0.3)
                .minChildWeight(minChildWeight)
                .nthread(1)
                .seed(7)
                .build();
    }

    @Test
    void droppingUnsplittableColumnsChangesNoPrediction() {
        Dataset train = rareZones("train", 600, 1);
        Dataset valid = rareZones("valid", 400, 2);
        for (double mcw : new double[] {1.06, 3.5}) {
            XGBoostTrainer trainer = new XGBoostTrainer(deepParams(mcw));
            FitContext ctx = FitContext.builder().validation(valid).build();
            XGBoostModel pruned = trainer.fit(train, ctx);
            XGBoostModel full = trainer.keepingAllColumns().fit(train, ctx);

            int[] count = new int[train.featureCount()];
            for (int j : train.features().indices()) {
                count[j]++;
            }
            long splittable =
                    java.util.Arrays.stream(count).filter(c -> c >= mcw).count();
            assertEquals(splittable, pruned.boosterColumns(), "columns with at least min_child_weight entries");
            assertTrue(pruned.boosterColumns() < train.featureCount() / 2, "most rare zones are dropped");
            assertEquals(train.featureCount(), full.boosterColumns());

            assertArrayEquals(full.predict(valid.features()), pruned.predict(valid.features()), 0.0);
            assertEquals(
                    full.featureImportance(ImportanceType.WEIGHT), pruned.featureImportance(ImportanceType.WEIGHT));
            assertEquals(full.bestIteration(), pruned.bestIteration());
        }
    }

    @Test
    void aPrunedModelSavesAndLoadsWithItsColumnMap() {
        Dataset train = rareZones("train", 600, 3);
        Dataset valid = rareZones("valid", 300, 4);
        XGBoostModel model = new XGBoostTrainer(deepParams(2)).fit(train, FitContext.none());
        XGBoostModel back = (XGBoostModel) ModelIO.fromBytes(ModelIO.toBytes(model));
        assertEquals(model.boosterColumns(), back.boosterColumns());
        assertEquals(train.featureNames(), back.featureNames());
        assertArrayEquals(model.predict(valid.features()), back.predict(valid.features()), 0.0);
    }

    @Test
    void columnSamplingKeepsEveryColumn() {
        Dataset train = rareZones("train", 300, 5);
        XGBoostParams sampled = deepParams(2).toBuilder().colsampleBynode(0.5).build();
        assertTrue(ColumnSubset.splittable(train.features(), sampled).isAll());
        XGBoostParams poisson =
                deepParams(2).toBuilder().objective("count:poisson").build();
        assertTrue(ColumnSubset.splittable(train.features(), poisson).isAll(), "hessians above 1");
    }
}
