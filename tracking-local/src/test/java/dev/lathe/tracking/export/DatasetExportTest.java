package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset inputs in MLflow's forms. The source is the JSON of a {@code DatasetSource}:
 * {@code json.dumps({"uri": self.uri})} (mlflow/data/filesystem_dataset_source.py {@code to_dict} and
 * mlflow/data/dataset_source.py {@code to_json}), which {@code mlflow.data.get_source} parses with
 * {@code json.loads} (a bare path failed with JSONDecodeError). The schema is
 * {@code json.dumps({"mlflow_colspec": self.schema.to_dict()})} (mlflow/data/pandas_dataset.py
 * {@code to_dict}), each column {@code {"type": ..., "name": ..., "required": ...}} (mlflow/types/
 * schema.py, {@code ColSpec.to_dict}; an array column {@code {"type": "array", "items": {...}}},
 * {@code Array.to_dict}). The keys of the dataset's meta.yaml are the {@code Dataset} entity's
 * properties (mlflow/entities/dataset.py), written by {@code log_inputs} as {@code dict(dataset)}.
 */
class DatasetExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void datasetSourceSchemaAndProfileAreMlflowJson(@TempDir Path dir) throws IOException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String exp = store.createExperiment("taxi", null, Map.of());
            String id = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logInputs(
                    id,
                    List.of(
                            new DatasetInput(
                                    "jan",
                                    "d1",
                                    "data/green é.parquet",
                                    "[\"PU_DO\",\"trip_distance\"]",
                                    5,
                                    "training"),
                            new DatasetInput(
                                    "feb",
                                    "d2",
                                    "data/b.parquet",
                                    "{\"features\":3,\"target\":\"duration\"}",
                                    7,
                                    "validation")));
            Path mlruns = dir.resolve("mlruns");
            new MlflowFileStoreExporter(store).export(mlruns);

            Path datasets = mlruns.resolve(exp).resolve("datasets");
            Map<String, Object> jan = MetaYaml.read(
                    datasets.resolve(MlflowFileStoreExporter.md5("jan" + "d1")).resolve("meta.yaml"));
            assertEquals(
                    List.of("digest", "name", "profile", "schema", "source", "source_type"),
                    MetaYaml.keys(datasets.resolve(MlflowFileStoreExporter.md5("jan" + "d1"))
                            .resolve("meta.yaml")));
            assertEquals("local", jan.get("source_type"));
            // json.dumps writes ", " and ": " separators and escapes non-ASCII (ensure_ascii=True).
            assertEquals("{\"uri\": \"data/green \\u00e9.parquet\"}", jan.get("source"));
            assertEquals(
                    "data/green é.parquet",
                    JSON.readTree((String) jan.get("source")).get("uri").asText());
            assertEquals("{\"num_rows\": 5}", jan.get("profile"));
            JsonNode janSchema = JSON.readTree((String) jan.get("schema")).get("mlflow_colspec");
            assertEquals(
                    JSON.readTree("[{\"type\": \"double\", \"name\": \"PU_DO\", \"required\": true},"
                            + " {\"type\": \"double\", \"name\": \"trip_distance\", \"required\": true}]"),
                    janSchema);
            assertEquals(
                    "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"PU_DO\", \"required\": true},"
                            + " {\"type\": \"double\", \"name\": \"trip_distance\", \"required\": true}]}",
                    jan.get("schema"));

            Map<String, Object> feb = MetaYaml.read(
                    datasets.resolve(MlflowFileStoreExporter.md5("feb" + "d2")).resolve("meta.yaml"));
            assertEquals(
                    "data/b.parquet",
                    JSON.readTree((String) feb.get("source")).get("uri").asText());
            assertEquals(
                    JSON.readTree(
                            "[{\"type\": \"array\", \"items\": {\"type\": \"double\"}, \"name\": \"features\","
                                    + " \"required\": true}, {\"type\": \"double\", \"name\": \"duration\", \"required\": true}]"),
                    JSON.readTree((String) feb.get("schema")).get("mlflow_colspec"));

            // The run's input links the dataset by id, with the context as the mlflow.data.context tag.
            Path input = mlruns.resolve(exp)
                    .resolve(id)
                    .resolve("inputs")
                    .resolve(MlflowFileStoreExporter.md5(MlflowFileStoreExporter.md5("jan" + "d1") + id))
                    .resolve("meta.yaml");
            Map<String, Object> link = MetaYaml.read(input);
            assertEquals("DATASET", link.get("source_type"));
            assertEquals(MlflowFileStoreExporter.md5("jan" + "d1"), link.get("source_id"));
            assertEquals(Map.of("mlflow.data.context", "training"), link.get("tags"));
        }
    }
}
