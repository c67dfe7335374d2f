package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.testkit.tracking.StoreFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to MLflow's file-store layout, byte for byte in the format MLflow's FileStore writes. */
public interface ExportContract extends StoreFixture {

    @Test
    default void exportWritesMlflowFileStoreLayout(@TempDir Path dir) throws IOException {
        try (TrackingStore store = newStore(dir.resolve("store"))) {
            String exp = store.createExperiment("taxi", null, Map.of("year", "2023"));
            RunInfo info =
                    store.createRun(RunSpec.builder(exp).runName("ridge-1").build());
            String id = info.runId();
            store.logParam(id, "alpha", "0.5");
            store.logParam(id, "nested/key", "x");
            store.logBatch(
                    id,
                    List.of(
                            new Metric("rmse", 7.5, 1700000000000L, 0),
                            new Metric("rmse", 1e-05, 1700000000001L, 1),
                            new Metric("rmse", Double.NaN, 1700000000002L, 2),
                            new Metric("rmse", Double.NEGATIVE_INFINITY, 1700000000003L, 3),
                            new Metric("rmse", 3.0, 1700000000004L, 4),
                            new Metric("rmse", 1e16, 1700000000005L, 5)),
                    List.of(),
                    List.of());
            store.logArtifact(id, "model/model.lathe", new byte[] {9, 8, 7});
            store.logInputs(
                    id, List.of(new DatasetInput("green_2023-01", "d1g", "data/a.parquet", "[\"x\"]", 5, "training")));
            store.updateRunStatus(id, RunStatus.FINISHED);
            RunInfo done = store.getRun(id).info();
            String gone = store.createExperiment("gone");
            store.deleteExperiment(gone);

            Path mlruns = dir.resolve("mlruns");
            ExportSummary summary = new MlflowFileStoreExporter(store).export(mlruns);
            assertEquals(1, summary.runs());
            Experiment e = store.getExperiment(exp);
            Path expDir = mlruns.resolve(exp);
            assertEquals(
                    "artifact_location: " + expDir.toAbsolutePath().toUri() + "\n"
                            + "creation_time: " + e.creationTime() + "\n"
                            + "experiment_id: '" + exp + "'\n"
                            + "last_update_time: " + e.lastUpdateTime() + "\n"
                            + "lifecycle_stage: active\n"
                            + "name: taxi\n",
                    Files.readString(expDir.resolve("meta.yaml")));
            assertEquals("2023", Files.readString(expDir.resolve("tags/year")));
            Path runDir = expDir.resolve(id);
            assertEquals(
                    "artifact_uri: "
                            + runDir.resolve("artifacts").toAbsolutePath().toUri() + "\n"
                            + "end_time: " + done.endTime().getAsLong() + "\n"
                            + "entry_point_name: ''\n"
                            + "experiment_id: '" + exp + "'\n"
                            + "lifecycle_stage: active\n"
                            + "run_id: " + id + "\n"
                            + "run_name: ridge-1\n"
                            + "run_uuid: " + id + "\n"
                            + "source_name: ''\n"
                            + "source_type: 4\n"
                            + "source_version: ''\n"
                            + "start_time: " + done.startTime() + "\n"
                            + "status: 3\n"
                            + "tags: []\n"
                            + "user_id: " + System.getProperty("user.name") + "\n",
                    Files.readString(runDir.resolve("meta.yaml")));
            assertEquals("0.5", Files.readString(runDir.resolve("params/alpha")));
            assertEquals("x", Files.readString(runDir.resolve("params/nested/key")));
            assertEquals(
                    "1700000000000 7.5 0\n1700000000001 1e-05 1\n1700000000002 nan 2\n1700000000003 -inf 3\n"
                            + "1700000000004 3.0 4\n1700000000005 1e+16 5\n",
                    Files.readString(runDir.resolve("metrics/rmse")));
            assertEquals("ridge-1", Files.readString(runDir.resolve("tags/mlflow.runName")));
            assertEquals(3, Files.size(runDir.resolve("artifacts/model/model.lathe")));
            assertTrue(
                    Files.isRegularFile(mlruns.resolve(".trash").resolve(gone).resolve("meta.yaml")));
            assertTrue(Files.readString(mlruns.resolve("0/meta.yaml")).contains("experiment_id: '0'\n"));
        }
    }
}
