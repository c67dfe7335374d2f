package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleted runs carry {@code deleted_time}, as MLflow's FileStore writes it (mlflow/store/tracking/
 * file_store.py: {@code delete_run} and {@code delete_experiment} call
 * {@code _overwrite_run_info(new_info, deleted_time=get_current_time_millis())}, which sets
 * {@code run_info_dict["deleted_time"]}; {@code restore_run} passes None and the key is left out, and
 * {@code _get_deleted_runs} reads {@code int(meta["deleted_time"])} for {@code mlflow gc --older-than}).
 */
class DeletedRunExportTest {

    @Test
    void deletedRunsCarryTheirDeletionTimeAndActiveRunsDoNot(@TempDir Path dir) throws IOException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String exp = store.createExperiment("taxi", null, Map.of());
            String kept = store.createRun(RunSpec.builder(exp).runName("kept").build())
                    .runId();
            String gone = store.createRun(RunSpec.builder(exp).runName("gone").build())
                    .runId();
            long before = System.currentTimeMillis();
            store.deleteRun(gone);
            long after = System.currentTimeMillis();
            RunInfo goneInfo = store.getRun(gone).info();
            assertTrue(goneInfo.deletedTime().isPresent());
            long deletedAt = goneInfo.deletedTime().getAsLong();
            assertTrue(deletedAt >= before && deletedAt <= after, "deleted_time " + deletedAt);

            String deletedExp = store.createExperiment("old", null, Map.of());
            String inDeletedExp =
                    store.createRun(RunSpec.builder(deletedExp).build()).runId();
            store.deleteExperiment(deletedExp);

            Path mlruns = dir.resolve("mlruns");
            new MlflowFileStoreExporter(store).export(mlruns);

            Map<String, Object> goneMeta =
                    MetaYaml.read(mlruns.resolve(exp).resolve(gone).resolve("meta.yaml"));
            assertEquals("deleted", goneMeta.get("lifecycle_stage"));
            assertEquals(deletedAt, ((Number) goneMeta.get("deleted_time")).longValue());
            Map<String, Object> keptMeta =
                    MetaYaml.read(mlruns.resolve(exp).resolve(kept).resolve("meta.yaml"));
            assertFalse(keptMeta.containsKey("deleted_time"), "an active run has no deleted_time");

            Path trashed = mlruns.resolve(".trash")
                    .resolve(deletedExp)
                    .resolve(inDeletedExp)
                    .resolve("meta.yaml");
            Map<String, Object> trashedMeta = MetaYaml.read(trashed);
            assertEquals("deleted", trashedMeta.get("lifecycle_stage"));
            assertEquals(
                    store.getRun(inDeletedExp).info().deletedTime().getAsLong(),
                    ((Number) trashedMeta.get("deleted_time")).longValue());
            // Keys stay sorted, as yaml.safe_dump writes them: deleted_time between artifact_uri and end_time.
            assertEquals(
                    goneMeta.keySet().stream().sorted().toList(),
                    MetaYaml.keys(mlruns.resolve(exp).resolve(gone).resolve("meta.yaml")));

            store.restoreRun(gone);
            new MlflowFileStoreExporter(store).export(dir.resolve("mlruns2"));
            assertFalse(MetaYaml.read(
                            dir.resolve("mlruns2").resolve(exp).resolve(gone).resolve("meta.yaml"))
                    .containsKey("deleted_time"));
        }
    }
}
