package dev.lathe.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.Direction;
import dev.lathe.core.model.Model;
import dev.lathe.examples.ensemble.EnsembleExample;
import dev.lathe.junit.ExperimentRun;
import dev.lathe.junit.LatheExperiment;
import dev.lathe.junit.Seed;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's own experiments on green taxi 2023-01 -> 2023-02, each test a tracked run in a store
 * under target/ that survives between builds, fitted through the run convention (params, metrics,
 * {@code model/}) like {@code lathe train}, so {@code assertNoRegression} compares with the last passing
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

    static TrainingData data;

    @BeforeAll
    static void load() {
        data = TrainingData.load(data("2023-01"), data("2023-02"), TlcRecipes.course());
    }

    @Test
    void olsOnGreen2023BeatsTheBar(ExperimentRun run) {
        TrackedTraining.fitInto(run.active(), new OlsTrainer(OlsParams.defaults()), data);
        run.assertMetricBelow(RunConvention.VALIDATION_RMSE, OLS_BAR);
        run.assertNoRegression(RunConvention.VALIDATION_RMSE, NO_REGRESSION, Direction.MINIMIZE);
    }

    @Test
    void ridgeAlpha1MatchesScikitLearn(ExperimentRun run) {
        TrackedTraining.fitInto(run.active(), new RidgeTrainer(RidgeParams.of(1.0)), data);
        run.assertMetricBetween(RunConvention.VALIDATION_RMSE, RIDGE1_LOW, RIDGE1_HIGH);
        run.assertNoRegression(RunConvention.VALIDATION_RMSE, NO_REGRESSION, Direction.MINIMIZE);
    }

    @Test
    void seededForestIsReproducibleAndNoWorseThanLastTime(@Seed long seed, ExperimentRun run) {
        TrainingResult tracked = TrackedTraining.fitInto(run.active(), EnsembleExample.forest(seed, 2), data);
        Model again = EnsembleExample.forest(seed, 2).fit(data.data().train());
        double rmse = RunConvention.metrics(
                        RunConvention.VALIDATION, again, data.data().valid())
                .get(RunConvention.VALIDATION_RMSE);
        assertEquals(tracked.validationRmse(), rmse, 0.0, "the same seed gives the same forest");
        run.assertMetricBelow(RunConvention.VALIDATION_RMSE, 8.0);
        run.assertNoRegression(RunConvention.VALIDATION_RMSE, NO_REGRESSION, Direction.MINIMIZE);
    }

    static Path data(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }
}
