package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry in MLflow's FileStore registry layout (mlflow/store/model_registry/file_store.py):
 * {@code models/<name>/meta.yaml} from {@code _save_registered_model_as_meta_file} (the entity's
 * properties but {@code tags} and {@code latest_versions}), {@code tags/<key>} from
 * {@code set_registered_model_tag}, {@code aliases/<alias>} holding the version from
 * {@code set_registered_model_alias}, {@code version-<n>/meta.yaml} from
 * {@code _save_model_version_as_meta_file} (FileModelVersion's properties but {@code tags}) and its
 * {@code tags/<key>} from {@code set_model_version_tag}. The keys are those of the entities in
 * mlflow/entities/model_registry/registered_model.py and model_version.py. The old export wrote no
 * {@code models/} at all (MLflow saw 0 models).
 */
class RegistryExportTest {
    /** RegisteredModel's properties without tags and latest_versions, sorted as yaml.safe_dump sorts. */
    private static final List<String> MODEL_KEYS =
            List.of("aliases", "creation_timestamp", "description", "last_updated_timestamp", "name");
    /** sorted(ModelVersion._properties() + ["storage_location"]) without tags. */
    private static final List<String> VERSION_KEYS = List.of(
            "aliases",
            "creation_timestamp",
            "current_stage",
            "description",
            "last_updated_timestamp",
            "name",
            "run_id",
            "run_link",
            "source",
            "status",
            "status_message",
            "storage_location",
            "user_id",
            "version");

    @Test
    void registryIsWrittenAsMlflowsFileStoreRegistry(@TempDir Path dir) throws IOException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String exp = store.createExperiment("taxi", null, Map.of());
            String run = store.createRun(RunSpec.builder(exp).build()).runId();
            byte[] model = {1, 2, 3, 4};
            store.logArtifact(run, "model/model.lathe", model);
            store.updateRunStatus(run, RunStatus.FINISHED);
            ModelRegistry registry = store.registry();
            registry.createRegisteredModel(
                    "nyc-taxi", "Trip duration.\nTrained on green 2023-01.", Map.of("team", "ml"));
            registry.createModelVersion("nyc-taxi", "runs:/" + run + "/model", run, "first", Map.of("k", "v"));
            registry.createModelVersion("nyc-taxi", "runs:/" + run + "/model", run, null, Map.of());
            registry.setAlias("nyc-taxi", "champion", 1);
            registry.transitionModelVersionStage("nyc-taxi", 2, ModelStage.STAGING, false);
            RegisteredModel stored = registry.getRegisteredModel("nyc-taxi");
            ModelVersion v1 = registry.getModelVersion("nyc-taxi", 1);

            Path mlruns = dir.resolve("mlruns");
            ExportSummary summary = new MlflowFileStoreExporter(store).export(mlruns);
            assertEquals(1, summary.models());

            Path modelDir = mlruns.resolve("models").resolve("nyc-taxi");
            assertEquals(MODEL_KEYS, MetaYaml.keys(modelDir.resolve("meta.yaml")));
            Map<String, Object> meta = MetaYaml.read(modelDir.resolve("meta.yaml"));
            assertEquals("nyc-taxi", meta.get("name"));
            assertEquals("Trip duration.\nTrained on green 2023-01.", meta.get("description"));
            assertEquals(stored.creationTime(), ((Number) meta.get("creation_timestamp")).longValue());
            assertEquals(stored.lastUpdatedTime(), ((Number) meta.get("last_updated_timestamp")).longValue());
            assertEquals(Map.of("champion", "1"), meta.get("aliases"));
            assertEquals("ml", Files.readString(modelDir.resolve("tags/team")));
            // write_to(alias_path, self._writeable_value(version)): the version number as text.
            assertEquals("1", Files.readString(modelDir.resolve("aliases/champion")));

            Path version1 = modelDir.resolve("version-1");
            assertEquals(VERSION_KEYS, MetaYaml.keys(version1.resolve("meta.yaml")));
            Map<String, Object> m1 = MetaYaml.read(version1.resolve("meta.yaml"));
            assertEquals(1, m1.get("version"));
            assertEquals("nyc-taxi", m1.get("name"));
            assertEquals("None", m1.get("current_stage"));
            assertEquals("first", m1.get("description"));
            assertEquals("runs:/" + run + "/model", m1.get("source"));
            assertEquals(run, m1.get("run_id"));
            assertEquals("READY", m1.get("status"));
            assertEquals(List.of("champion"), m1.get("aliases"));
            assertEquals(v1.creationTime(), ((Number) m1.get("creation_timestamp")).longValue());
            assertEquals("v", Files.readString(version1.resolve("tags/k")));
            // get_model_version_download_uri returns storage_location: the model's files in the export.
            Path location = Path.of(URI.create((String) m1.get("storage_location")));
            assertEquals(
                    mlruns.resolve(exp).resolve(run).resolve("artifacts/model").toAbsolutePath(), location);
            assertArrayEquals(model, Files.readAllBytes(location.resolve("model.lathe")));

            Map<String, Object> m2 = MetaYaml.read(modelDir.resolve("version-2").resolve("meta.yaml"));
            assertEquals(2, m2.get("version"));
            assertEquals("Staging", m2.get("current_stage"));
            assertEquals(List.of(), m2.get("aliases"));
            assertTrue(m2.containsKey("description"));
        }
    }
}
