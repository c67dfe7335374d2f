package dev.lathe.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.Run;
import dev.lathe.examples.ensemble.EnsembleExample;
import dev.lathe.examples.linear.LinearDurationExample;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linear and ensemble example mains on the real 2023 months, logging into a temporary store. */
class ExampleMainsTest {
    /** Converged least-squares figures (scikit-learn/scipy) on green 2023-01 -> 2023-02. */
    private static final double OLS_VALID_RMSE_2023 = 6.0339;

    private static final double RIDGE1_VALID_RMSE_2023 = 6.0085;
    private static final double VALID_REL_TOL = 5e-4;

    /** Rounding slack for the convexity bound on the averaged model's RMSE. */
    private static final double CONVEXITY_SLACK = 1e-9;

    static TrainingData data;

    @BeforeAll
    static void load() {
        data = TrainingData.load(
                GreenTaxi2023ExperimentTest.data("2023-01"),
                GreenTaxi2023ExperimentTest.data("2023-02"),
                TlcRecipes.course());
    }

    @Test
    void linearExampleReproducesTheCourseFiguresAndLogsEveryModel(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            List<TrainingResult> results = LinearDurationExample.run(data, store, TrainingListener.none());
            assertEquals(
                    List.of("ols", "ridge", "lasso"),
                    results.stream().map(TrainingResult::trainerName).toList());
            assertEquals(OLS_VALID_RMSE_2023, results.get(0).validationRmse(), OLS_VALID_RMSE_2023 * VALID_REL_TOL);
            assertEquals(
                    RIDGE1_VALID_RMSE_2023, results.get(1).validationRmse(), RIDGE1_VALID_RMSE_2023 * VALID_REL_TOL);
            for (TrainingResult r : results) {
                Run run = store.getRun(r.runId());
                assertEquals("FINISHED", run.info().status().name());
                assertEquals(
                        r.validationRmse(),
                        run.data().latestMetrics().get("validation_rmse").value());
            }
            assertEquals(
                    Double.toString(LinearDurationExample.LASSO_ALPHA),
                    store.getRun(results.get(2).runId()).data().params().get("alpha"));
        }
    }

    @Test
    void averagingIsNoWorseThanTheMeanOfItsMembersAndEveryRunFinishes(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            List<TrainingResult> r = EnsembleExample.run(data, store, 42, 2, TrainingListener.none());
            double rf = r.get(0).validationRmse();
            double ridge = r.get(1).validationRmse();
            double average = r.get(2).validationRmse();
            // RMSE is a norm, so the RMSE of a 50/50 average is at most the mean of the two RMSEs.
            assertTrue(
                    average <= 0.5 * (rf + ridge) + CONVEXITY_SLACK,
                    "average " + average + " vs members " + rf + ", " + ridge);
            assertTrue(r.get(3).validationRmse() < 8, "stack " + r.get(3).validationRmse());
            for (TrainingResult t : r) {
                assertEquals("FINISHED", store.getRun(t.runId()).info().status().name());
            }
        }
    }
}
