package dev.lathe.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.Direction;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.examples.ensemble.EnsembleExample;
import dev.lathe.junit.ExperimentRun;
import dev.lathe.junit.LatheExperiment;
import dev.lathe.junit.Seed;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's own experiments on green taxi 2023-01 -> 2023-02, each a tracked run in a store under
 * target/ that survives between builds, so {@code assertNoRegression} compares with the last passing
 * build's run. Bounds are the course's figures (scikit-learn, converged solvers) with a little slack.
 */
@LatheExperiment(name = "green-2023-duration", store = "target/experiment-store")
class GreenTaxi2023ExperimentTest {
    /** The course's OLS validation RMSE is 6.0339; the experiment's bar. */
    private static final double OLS_BAR = 6.05;

    /** scikit-learn Ridge(alpha=1) validation RMSE 6.0085, +-0.05 %. */
    private static final double RIDGE1_LOW = 6.0055;

    private static final double RIDGE1_HIGH = 6.0115;
    private static final double NO_REGRESSION = 0.01;

    static TrainValid data;

    @BeforeAll
    static void load() {
        data = TrainValid.load(data("2023-01"), data("2023-02"), TlcRecipes.course());
    }

    @Test
    void olsOnGreen2023BeatsTheBar(ExperimentRun run) {
        run.logMetric("validation_rmse", fitAndScore(new OlsTrainer(OlsParams.defaults()), run));
        run.assertMetricBelow("validation_rmse", OLS_BAR);
        run.assertNoRegression("validation_rmse", NO_REGRESSION, Direction.MINIMIZE);
    }

    @Test
    void ridgeAlpha1MatchesScikitLearn(ExperimentRun run) {
        run.logMetric("validation_rmse", fitAndScore(new RidgeTrainer(RidgeParams.of(1.0)), run));
        run.assertMetricBetween("validation_rmse", RIDGE1_LOW, RIDGE1_HIGH);
        run.assertNoRegression("validation_rmse", NO_REGRESSION, Direction.MINIMIZE);
    }

    @Test
    void seededForestIsReproducibleAndNoWorseThanLastTime(@Seed long seed, ExperimentRun run) {
        double first = fitAndScore(EnsembleExample.forest(seed, 2), run);
        double again = score(EnsembleExample.forest(seed, 2).fit(data.train()), data.valid());
        assertEquals(first, again, 0.0, "the same seed gives the same forest");
        run.logMetric("validation_rmse", first);
        run.assertMetricBelow("validation_rmse", 8.0);
        run.assertNoRegression("validation_rmse", NO_REGRESSION, Direction.MINIMIZE);
    }

    private static double fitAndScore(Trainer<? extends Model> trainer, ExperimentRun run) {
        run.logParam("trainer", trainer.name());
        trainer.hyperparameters().forEach((k, v) -> run.logParam("hp." + k, v));
        return score(trainer.fit(data.train()), data.valid());
    }

    private static double score(Model model, Dataset valid) {
        return new RegressionEvaluator()
                .evaluate(valid.target(), model.predict(valid.features()))
                .rootMeanSquaredError();
    }

    static Path data(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }
}
