package dev.lathe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.server.http.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/**
 * The model registry through MLflow's Java client (2.17.2): it has no typed calls to create models,
 * versions or aliases, so those go through its {@code sendPost}/{@code sendGet} with MLflow's JSON, and
 * the typed reads check what was stored.
 */
class MlflowClientRegistryTest {
    @TempDir
    Path dir;

    private LiveServer live;
    private MlflowClient client;

    @BeforeEach
    void start() {
        live = new LiveServer(dir);
        client = live.client();
    }

    @AfterEach
    void stop() {
        client.close();
        live.close();
    }

    @Test
    void registersAVersionSetsAnAliasAndReadsItBack() {
        String exp = client.createExperiment("reg");
        String runId = client.createRun(exp).getRunId();
        client.sendPost("registered-models/create", "{\"name\": \"taxi\", \"description\": \"duration <model>\"}");
        JsonNode created = Json.parse(client.sendPost(
                "model-versions/create",
                "{\"name\": \"taxi\", \"source\": \"runs:/" + runId + "/model\", \"run_id\": \"" + runId + "\"}"));
        assertEquals("1", created.at("/model_version/version").asText());
        client.sendPost("registered-models/alias", "{\"name\": \"taxi\", \"alias\": \"champion\", \"version\": \"1\"}");

        ModelVersion stored = live.store.registry().getModelVersionByAlias("taxi", "champion");
        assertEquals(1, stored.version());
        assertEquals(runId, stored.runId().orElseThrow());

        ModelRegistry.ModelVersion v = client.getModelVersion("taxi", "1");
        assertEquals("runs:/" + runId + "/model", v.getSource());
        assertEquals(runId, v.getRunId());
        assertEquals(List.of("champion"), v.getAliasesList());
        assertEquals(stored.creationTime(), v.getCreationTimestamp());

        ModelRegistry.RegisteredModel model = client.getRegisteredModel("taxi");
        assertEquals("duration <model>", model.getDescription());
        assertEquals("champion", model.getAliases(0).getAlias());
        assertEquals("1", model.getAliases(0).getVersion());

        JsonNode byAlias = Json.parse(client.sendGet("registered-models/alias?name=taxi&alias=champion"));
        assertEquals("1", byAlias.at("/model_version/version").asText());
        assertEquals(runId, byAlias.at("/model_version/run_id").asText());

        client.sendPost(
                "model-versions/transition-stage",
                "{\"name\": \"taxi\", \"version\": \"1\", \"stage\": \"Production\", \"archive_existing_versions\": false}");
        assertEquals(
                ModelStage.PRODUCTION,
                live.store.registry().getModelVersion("taxi", 1).currentStage());
        assertEquals(
                "1",
                client.getLatestVersions("taxi", List.of("Production")).get(0).getVersion());
        assertTrue(client.getLatestVersions("taxi", List.of("Staging")).isEmpty());
        assertEquals(
                List.of("1"),
                client.searchModelVersions("name = 'taxi'").getItems().stream()
                        .map(ModelRegistry.ModelVersion::getVersion)
                        .toList());
        assertEquals("runs:/" + runId + "/model", client.getModelVersionDownloadUri("taxi", "1"));

        client.sendPatch("model-versions/update", "{\"name\": \"taxi\", \"version\": \"1\", \"description\": \"v1\"}");
        assertEquals("v1", live.store.registry().getModelVersion("taxi", 1).description());
        client.sendPost("registered-models/rename", "{\"name\": \"taxi\", \"new_name\": \"taxi-2\"}");
        assertEquals("taxi-2", client.getRegisteredModel("taxi-2").getName());
        MlflowHttpException gone = assertThrows(MlflowHttpException.class, () -> client.getRegisteredModel("taxi"));
        assertEquals(404, gone.getStatusCode());
    }
}
