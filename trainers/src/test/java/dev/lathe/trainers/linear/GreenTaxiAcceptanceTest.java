package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The acceptance figures on real NYC green-taxi data (one-hot PU_DO + trip_distance), computed
 * independently with converged scikit-learn/scipy fits; RMSE is computed here from predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GreenTaxiAcceptanceTest {
    /** OLS/ridge training RMSE: a converged least-squares fit is pinned to 1e-5 relative. */
    private static final double LEAST_SQUARES_TRAIN_RELATIVE = 1e-5;
    /** OLS/ridge validation RMSE, quoted to 4 decimals: 0.05 % relative. */
    private static final double LEAST_SQUARES_VALID_RELATIVE = 5e-4;
    /** Lasso/elastic-net RMSE (training and validation): 0.1 % relative. */
    private static final double COORDINATE_DESCENT_RELATIVE = 1e-3;

    private static final double CD_TOLERANCE = 1e-8;
    private static final int CD_MAX_ITER = 100_000;

    private TrainValid y2023;
    private TrainValid y2021;

    @BeforeAll
    void load() {
        y2023 = TrainValid.load(
                Path.of("../data/tlc/green_tripdata_2023-01.parquet"),
                Path.of("../data/tlc/green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        y2021 = TrainValid.load(
                Path.of("../data/tlc/green_tripdata_2021-01.parquet"),
                Path.of("../data/tlc/green_tripdata_2021-02.parquet"),
                TlcRecipes.course());
    }

    @Test
    void dataHasTheExpectedShape() {
        assertEquals(5702, y2023.train().featureCount());
        assertEquals(65946, y2023.train().rows());
        assertEquals(62574, y2023.valid().rows());
        assertEquals(13221, y2021.train().featureCount());
    }

    @Test
    void ols2023() {
        LinearModel m = new OlsTrainer(OlsParams.defaults()).fit(y2023.train());
        assertRmse(m, y2023, 4.754268, LEAST_SQUARES_TRAIN_RELATIVE, 6.0339, LEAST_SQUARES_VALID_RELATIVE);
    }

    @Test
    void ols2021() {
        LinearModel m = new OlsTrainer(OlsParams.defaults()).fit(y2021.train());
        assertRmse(m, y2021, 4.640696, LEAST_SQUARES_TRAIN_RELATIVE, 7.4809, LEAST_SQUARES_VALID_RELATIVE);
    }

    @Test
    void ridge2023() {
        LinearModel m = new RidgeTrainer(RidgeParams.of(1.0)).fit(y2023.train());
        assertRmse(m, y2023, 5.003295, LEAST_SQUARES_TRAIN_RELATIVE, 6.0085, LEAST_SQUARES_VALID_RELATIVE);
    }

    @Test
    void ridge2021() {
        LinearModel m = new RidgeTrainer(RidgeParams.of(1.0)).fit(y2021.train());
        assertRmse(m, y2021, 5.195459, LEAST_SQUARES_TRAIN_RELATIVE, 7.5641, LEAST_SQUARES_VALID_RELATIVE);
    }

    @Test
    void lasso2023() {
        LinearModel m = new ElasticNetTrainer(cd(1.0)).fit(y2023.train());
        assertRmse(m, y2023, 7.950368, COORDINATE_DESCENT_RELATIVE, 8.231420, COORDINATE_DESCENT_RELATIVE);
        assertEquals(98, m.nonZeroCount(), "lasso support size");
    }

    @Test
    void lasso2021() {
        LinearModel m = new ElasticNetTrainer(cd(1.0)).fit(y2021.train());
        assertRmse(m, y2021, 10.550478, COORDINATE_DESCENT_RELATIVE, 11.167275, COORDINATE_DESCENT_RELATIVE);
        assertEquals(97, m.nonZeroCount(), "lasso support size");
    }

    @Test
    void elasticNet2023() {
        LinearModel m = new ElasticNetTrainer(cd(0.5)).fit(y2023.train());
        assertRmse(m, y2023, 8.257155, COORDINATE_DESCENT_RELATIVE, 8.552593, COORDINATE_DESCENT_RELATIVE);
    }

    @Test
    void elasticNet2021() {
        LinearModel m = new ElasticNetTrainer(cd(0.5)).fit(y2021.train());
        assertRmse(m, y2021, 10.885675, COORDINATE_DESCENT_RELATIVE, 11.515861, COORDINATE_DESCENT_RELATIVE);
    }

    private static ElasticNetParams cd(double l1Ratio) {
        return ElasticNetParams.builder(0.01, l1Ratio)
                .tolerance(CD_TOLERANCE)
                .maxIterations(CD_MAX_ITER)
                .build();
    }

    private static void assertRmse(
            LinearModel m,
            TrainValid tv,
            double expectedTrain,
            double trainRelative,
            double expectedValid,
            double validRelative) {
        double train = SyntheticDesigns.rmse(
                m.predict(tv.train().features()), tv.train().target());
        double valid = SyntheticDesigns.rmse(
                m.predict(tv.valid().features()), tv.valid().target());
        assertEquals(
                expectedTrain,
                train,
                expectedTrain * trainRelative,
                m.provenance().trainer() + " training RMSE");
        assertEquals(
                expectedValid,
                valid,
                expectedValid * validRelative,
                m.provenance().trainer() + " validation RMSE");
    }
}
