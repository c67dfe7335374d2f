package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import org.junit.jupiter.api.Test;

/**
 * The in-place path and Lathe's walk of the trees (serving's requests) give exactly the floats of the sparse
 * DMatrix path, row by row and in blocks, for a plain booster, an early-stopped one (fewer rounds than
 * trained) and a forest (several trees a round), with absent sparse cells read as missing in both.
 */
class XGBoostInPlaceTest {
    @Test
    void inPlaceEqualsTheMatrixPathRowByRowForPlainEarlyStoppedAndForestModels() {
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
        for (XGBoostModel model : new XGBoostModel[] {plain, early, forest}) {
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
}
