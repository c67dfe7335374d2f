package dev.lathe.trainers.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.XGBoostModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A 100-tree, depth-20 random forest on real TLC green-taxi data, January 2023 -> February 2023.
 * Reference: scikit-learn's RandomForestRegressor(n_estimators=100, max_depth=20) reaches a validation
 * RMSE of 5.363 (22-24 s on this machine's 2 cores); Lathe must stay within {@link #MAX_RMSE_2023}.
 */
class XGBoostForestTaxiAcceptanceTest {
    // Row subsample 0.5 (without replacement) and 0.8 of the columns per split measured best here:
    // 5.381, against 5.390-5.411 for subsample 0.632-0.8 with all columns.
    private static final double MAX_RMSE_2023 = 5.40;

    @Test
    void hundredTreesOfDepthTwentyReachScikitLearnAccuracyOn2023() {
        TrainValid tv = TrainValid.load(
                Path.of("../data/tlc/green_tripdata_2023-01.parquet"),
                Path.of("../data/tlc/green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        long start = System.nanoTime();
        XGBoostModel model =
                new XGBoostForestTrainer(ForestParams.builder(100, 20).seed(42).build()).fit(tv.train());
        double seconds = (System.nanoTime() - start) / 1e9;
        double rmse =
                TestData.rmse(model.predict(tv.valid().features()), tv.valid().target());
        System.err.printf("rf 2023: rmse=%.4f fit=%.1fs%n", rmse, seconds);
        assertEquals(100, model.numParallelTree());
        assertTrue(rmse <= MAX_RMSE_2023, "validation RMSE " + rmse + " must be <= " + MAX_RMSE_2023);
    }
}
