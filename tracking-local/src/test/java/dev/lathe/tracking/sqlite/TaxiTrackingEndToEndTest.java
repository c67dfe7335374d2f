package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.testkit.tracking.ConstantModel;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course pipeline's tracking on the real NYC green-taxi months: the datasets are logged as run
 * inputs, a mean-duration baseline is logged, registered, loaded back through models:/ and scored.
 */
class TaxiTrackingEndToEndTest {
    private static final Path TRAIN = Path.of("../data/tlc/green_tripdata_2023-01.parquet");
    private static final Path VALID = Path.of("../data/tlc/green_tripdata_2023-02.parquet");
    private static final int TRAIN_ROWS = 65946;
    private static final int VALID_ROWS = 62574;
    private static final double RMSE_TOLERANCE = 1e-12;

    @Test
    void baselineRunIsTrackedRegisteredAndLoadedBack(@TempDir Path dir) {
        TrainValid tv = TrainValid.load(TRAIN, VALID, TlcRecipes.course());
        assertEquals(TRAIN_ROWS, tv.train().rows());
        assertEquals(VALID_ROWS, tv.valid().rows());
        double mean = 0;
        for (double y : tv.train().target()) {
            mean += y / tv.train().rows();
        }
        double sse = 0;
        for (double y : tv.valid().target()) {
            sse += (y - mean) * (y - mean);
        }
        double expectedRmse = Math.sqrt(sse / tv.valid().rows());

        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String exp = store.getOrCreateExperiment("nyc-taxi-duration");
            String runId;
            try (ActiveRun run =
                    store.startRun(RunSpec.builder(exp).runName("mean-baseline").build())) {
                runId = run.runId();
                run.logInput(input(tv.train(), "training"));
                run.logInput(input(tv.valid(), "validation"));
                run.logParam("model", "mean");
                Model model = new ConstantModel(mean);
                double[] pred = model.predict(tv.valid().features());
                double s = 0;
                for (int i = 0; i < pred.length; i++) {
                    double d = tv.valid().target()[i] - pred[i];
                    s += d * d;
                }
                run.logMetric("rmse", Math.sqrt(s / pred.length), 0);
                run.logArtifact("model/model.lathe", ModelIO.toBytes(model));
            }
            Run back = store.getRun(runId);
            assertEquals(expectedRmse, back.data().latestMetrics().get("rmse").value(), RMSE_TOLERANCE);
            assertEquals(
                    List.of(input(tv.train(), "training"), input(tv.valid(), "validation")),
                    back.inputs().datasets());
            Run found = store.searchRuns(
                            List.of(exp),
                            "dataset.context = 'validation' and metrics.rmse > 0",
                            List.of(),
                            10,
                            null,
                            dev.lathe.core.tracking.ViewType.ACTIVE_ONLY)
                    .items()
                    .get(0);
            assertEquals(runId, found.info().runId());

            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("nyc-taxi-duration", "trip duration in minutes", Map.of());
            reg.createModelVersion("nyc-taxi-duration", "runs:/" + runId + "/model/model.lathe", runId, null, Map.of());
            reg.setAlias("nyc-taxi-duration", "champion", 1);
            double[] loaded = reg.loadModel("models:/nyc-taxi-duration@champion")
                    .predict(tv.valid().features());
            assertArrayEquals(new ConstantModel(mean).predict(tv.valid().features()), loaded, 0.0);
        }
    }

    private static DatasetInput input(Dataset d, String context) {
        StringBuilder schema = new StringBuilder("[");
        List<String> names = d.featureNames();
        for (int i = 0; i < names.size(); i++) {
            schema.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(names.get(i).replace("\"", "\\\""))
                    .append('"');
        }
        schema.append(']');
        return new DatasetInput(d.name(), d.digest(), "local", schema.toString(), d.rows(), context);
    }
}
