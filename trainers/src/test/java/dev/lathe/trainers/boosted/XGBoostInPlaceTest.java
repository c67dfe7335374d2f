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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The in-place path and Lathe's walk of the trees (serving's requests) give exactly the floats of the sparse
 * DMatrix path, row by row and in blocks, for a plain booster, an early-stopped one (fewer rounds than
 * trained) and a forest (several trees a round), with absent sparse cells read as missing in both. A
 * saved model loaded again walks its trees read from the saved UBJSON, giving the same floats without
 * loading XGBoost's native booster until something needs it (importance).
 */
class XGBoostInPlaceTest {
    @Test
    void inPlaceEqualsTheMatrixPathRowByRowForPlainEarlyStoppedAndForestModels() {
        Dataset valid = TestData.taxiLike("valid", 400, 12, 3.0, 2);
        for (XGBoostModel model : models()) {
            SparseMatrix x = valid.features();
            double[] matrix = model.predictViaMatrix(x);
            assertArrayEquals(matrix, model.predictInPlace(x), "a block of rows");
            assertArrayEquals(matrix, model.predict(x), "the dispatching predict");
            double[] walked = model.predictByWalk(x);
            assertArrayEquals(matrix, walked, "walk of the block");
            for (int r = 0; r < x.rows(); r++) {
                SparseMatrix row = x.selectRows(new int[] {r});
                double[] one = model.predictInPlace(row);
                assertArrayEquals(new double[] {matrix[r]}, one, "row " + r);
                assertArrayEquals(model.predictViaMatrix(row), one, "row " + r);
                assertArrayEquals(new double[] {matrix[r]}, model.predictByWalk(row), "walk, row " + r);
            }
        }
    }

    @Test
    void theWalkEqualsTheMatrixPathOnWideRowsWithAbsentCellsAcrossBlocks() {
        double[] w = new double[30];
        Arrays.setAll(w, j -> (j % 7) - 3.0);
        XGBoostModel model = new XGBoostTrainer(
                        XGBoostParams.builder(40).maxDepth(7).seed(5).build())
                .fit(TestData.exactLinear("train", 800, w, 1.0, 5));
        // 1,300 rows of about 24 of 30 values: more than the walk jumps with, so these rows scan their chains
        SparseMatrix x = thinned(TestData.exactLinear("valid", 1300, w, 1.0, 6).features(), r -> 30, 0.8, 0, 7);
        assertArrayEquals(model.predictViaMatrix(x), model.predictByWalk(x));
    }

    @Test
    void theWalkEqualsTheMatrixPathOnRowsOfZeroToTenValuesSomeStoredAsNaN() {
        double[] w = new double[12];
        Arrays.setAll(w, j -> j == 0 ? 8.0 : (j % 5) - 2.0); // feature 0 dominates the splits
        XGBoostModel model = new XGBoostTrainer(
                        XGBoostParams.builder(30).maxDepth(8).seed(9).build())
                .fit(TestData.exactLinear("train", 900, w, 1.0, 8));
        // 0 to 10 values a row, some stored as NaN: both sides of the 8 values the walk jumps with
        SparseMatrix x =
                thinned(TestData.exactLinear("valid", 600, w, 1.0, 10).features(), r -> r % 11, 2 / 3.0, 1 / 7.0, 11);
        double[] matrix = model.predictViaMatrix(x);
        assertArrayEquals(matrix, model.predictByWalk(x), "a block");
        for (int r = 0; r < x.rows(); r += 7) {
            assertArrayEquals(new double[] {matrix[r]}, model.predictByWalk(x.selectRows(new int[] {r})), "row " + r);
        }
    }

    @Test
    void aLoadedModelWalksItsSavedTreesWithoutLoadingTheNativeBooster() {
        SparseMatrix x = TestData.taxiLike("valid", 400, 12, 3.0, 2).features();
        for (XGBoostModel fitted : models()) {
            byte[] saved = ModelIO.toBytes(fitted);
            XGBoostModel loaded = (XGBoostModel) ModelIO.fromBytes(saved, "m.lathe");
            assertFalse(loaded.boosterLoaded(), "loading reads the trees, not the native booster");
            double[] matrix = fitted.predictViaMatrix(x);
            assertArrayEquals(matrix, loaded.predict(x), "a block of rows");
            for (int r = 0; r < x.rows(); r++) {
                assertArrayEquals(new double[] {matrix[r]}, loaded.predict(x.selectRows(new int[] {r})), "row " + r);
            }
            assertArrayEquals(fitted.boosterBytes(), loaded.boosterBytes(), "the saved booster, as saved");
            assertArrayEquals(saved, ModelIO.toBytes(loaded), "saved again unchanged");
            assertFalse(loaded.boosterLoaded(), "scoring and saving need no native booster");
            assertEquals(fitted.featureImportance(), loaded.featureImportance());
            assertTrue(loaded.boosterLoaded(), "importance loads it");
            assertArrayEquals(matrix, loaded.predictViaMatrix(x), "the booster loaded on demand");
        }
    }

    /**
     * {@code full} with at most {@code most(r)} values in row {@code r}, each value kept with probability
     * {@code keep} and, when kept, stored as NaN with probability {@code nan}.
     */
    private static SparseMatrix thinned(
            SparseMatrix full, java.util.function.IntUnaryOperator most, double keep, double nan, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ptr = new int[full.rows() + 1];
        int[] idx = new int[full.nnz()];
        double[] val = new double[full.nnz()];
        int n = 0;
        for (int r = 0; r < full.rows(); r++) {
            for (int k = full.indptr()[r]; k < full.indptr()[r + 1] && n - ptr[r] < most.applyAsInt(r); k++) {
                if (rnd.nextDouble() < keep) {
                    idx[n] = full.indices()[k];
                    val[n++] = rnd.nextDouble() < nan ? Double.NaN : full.values()[k];
                }
            }
            ptr[r + 1] = n;
        }
        return new SparseMatrix(full.rows(), full.cols(), ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
    }

    /** A plain booster, an early-stopped one (fewer rounds used than trained) and a forest. */
    private static XGBoostModel[] models() {
        Dataset train = TestData.taxiLike("train", 600, 12, 3.0, 1);
        Dataset valid = TestData.taxiLike("valid", 400, 12, 3.0, 2);
        XGBoostModel plain =
                new XGBoostTrainer(XGBoostParams.builder(30).maxDepth(6).seed(1).build()).fit(train);
        XGBoostModel early = new XGBoostTrainer(XGBoostParams.builder(300)
                        .learningRate(0.3)
                        .maxDepth(8)
                        .minChildWeight(0)
                        .regLambda(0)
                        .earlyStoppingRounds(5)
                        .seed(3)
                        .build())
                .fit(train, FitContext.builder().validation(valid).build());
        assertTrue(early.bestIteration() + 1 < early.roundsTrained(), "early stopping left unused rounds");
        XGBoostModel forest = new XGBoostTrainer(XGBoostParams.builder(5)
                        .numParallelTree(4)
                        .subsample(0.7)
                        .colsampleBynode(0.7)
                        .maxDepth(5)
                        .seed(4)
                        .build())
                .fit(train);
        return new XGBoostModel[] {plain, early, forest};
    }
}
