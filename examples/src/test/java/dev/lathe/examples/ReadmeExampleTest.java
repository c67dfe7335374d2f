package dev.lathe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, kept compiling and correct (paths relative to a temp working dir). */
class ReadmeExampleTest {
    @Test
    void readmeSnippetRunsAndPredicts(@TempDir Path work) {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("data/tlc"))) {
            root = root.getParent();
        }
        // --- README snippet (with paths resolved against the checkout and a temp dir) ---
        TrainValid data = TrainValid.load(
                root.resolve("data/tlc/green_tripdata_2023-01.parquet"),
                root.resolve("data/tlc/green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        LinearModel model = new OlsTrainer(OlsParams.defaults()).fit(data.train());
        RegressionEvaluation valid = new RegressionEvaluator()
                .evaluate(data.valid().target(), model.predict(data.valid().features()));

        String runId;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(work.resolve("lathe-store"));
                ActiveRun run = store.startRun(
                        RunSpec.builder(store.getOrCreateExperiment("taxi")).build())) {
            run.logParams(model.provenance().fitDetails());
            run.logMetric("validation_rmse", valid.rootMeanSquaredError(), 0);
            run.logArtifact(
                    "model/pipeline.lathe", new FittedPipeline(TlcRecipes.course(), data.encoder(), model).toBytes());
            runId = run.runId();
        }

        FittedPipeline pipeline = new FittedPipeline(TlcRecipes.course(), data.encoder(), model);
        pipeline.save(work.resolve("duration.lathe"));
        double minutes =
                FittedPipeline.load(work.resolve("duration.lathe")).predict(new TripRecord("166", "143", 2.58));
        // --- end of snippet ---

        assertEquals(pipeline.predict(new TripRecord("166", "143", 2.58)), minutes, 0.0);
        assertTrue(minutes > 1 && minutes < 60, "minutes=" + minutes);
        try (SqliteTrackingStore store = SqliteTrackingStore.open(work.resolve("lathe-store"))) {
            assertEquals(
                    valid.rootMeanSquaredError(),
                    store.getRun(runId)
                            .data()
                            .latestMetrics()
                            .get("validation_rmse")
                            .value(),
                    0.0);
        }
    }
}
