package dev.lathe.server;

import static dev.lathe.server.LiveServer.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw HTTP: MLflow's error JSON and statuses on bad input, and nothing stored lost by a rejected write. */
class ErrorResponsesTest {
    private static final String API = "/api/2.0/mlflow/";

    @TempDir
    Path dir;

    private LiveServer live;

    @BeforeEach
    void start() {
        live = new LiveServer(dir);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void unknownRunIsResourceDoesNotExist404() throws Exception {
        HttpResponse<String> r = live.send("GET", API + "runs/get?run_id=0123456789abcdef", null);
        assertError(r, 404, "RESOURCE_DOES_NOT_EXIST", "0123456789abcdef");
        assertError(
                live.send("POST", API + "runs/log-metric", "{\"run_id\": \"nope\", \"key\": \"m\", \"value\": 1}"),
                404,
                "RESOURCE_DOES_NOT_EXIST",
                "nope");
        assertError(
                live.send("GET", API + "metrics/get-history?run_id=nope&metric_key=m", null),
                404,
                "RESOURCE_DOES_NOT_EXIST",
                "nope");
    }

    @Test
    void badFilterIsInvalidParameterValue400() throws Exception {
        HttpResponse<String> r = live.send(
                "POST", API + "runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.rmse <<< 3\"}");
        assertError(r, 400, "INVALID_PARAMETER_VALUE", "");
    }

    @Test
    void unknownEndpointIsEndpointNotFound404() throws Exception {
        assertError(live.send("GET", API + "runs/nothing", null), 404, "ENDPOINT_NOT_FOUND", "runs/nothing");
        assertError(live.send("GET", API + "runs/create", null), 405, "BAD_REQUEST", "GET");
    }

    @Test
    void malformedBodiesAndMissingFieldsAreInvalidParameterValue() throws Exception {
        assertError(live.send("POST", API + "experiments/create", "{not json"), 400, "INVALID_PARAMETER_VALUE", "JSON");
        assertError(live.send("POST", API + "experiments/create", "{}"), 400, "INVALID_PARAMETER_VALUE", "'name'");
        assertError(
                live.send("POST", API + "runs/log-metric", "{\"run_id\": \"x\", \"key\": \"m\", \"value\": \"high\"}"),
                400,
                "INVALID_PARAMETER_VALUE",
                "\"high\"");
        assertError(
                live.send("GET", API + "model-versions/get?name=m&version=one", null),
                400,
                "INVALID_PARAMETER_VALUE",
                "one");
    }

    @Test
    void takenNameIsResourceAlreadyExists400() throws Exception {
        live.store.createExperiment("taken");
        assertError(
                live.send("POST", API + "experiments/create", "{\"name\": \"taken\"}"),
                400,
                "RESOURCE_ALREADY_EXISTS",
                "taken");
    }

    @Test
    void aRejectedBatchLosesNothingAlreadyStored() throws Exception {
        String exp = live.store.createExperiment("keep");
        String runId = live.store.createRun(RunSpec.builder(exp).build()).runId();
        live.store.logParam(runId, "alpha", "1");
        Run before = live.store.getRun(runId);
        HttpResponse<String> r = live.send(
                "POST",
                API + "runs/log-batch",
                "{\"run_id\": \"" + runId
                        + "\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1, \"step\": 0}],"
                        + " \"params\": [{\"key\": \"alpha\", \"value\": \"2\"}]}");
        assertError(r, 400, "INVALID_PARAMETER_VALUE", "alpha");
        assertEquals(before, live.store.getRun(runId), "the run is unchanged: all of the batch or none");
    }

    @Test
    void artifactsListAndDownloadAndPathsStayInsideTheRun() throws Exception {
        String exp = live.store.createExperiment("art");
        String runId = live.store.createRun(RunSpec.builder(exp).build()).runId();
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        live.store.logArtifact(runId, "data/table.csv", csv);
        live.store.logArtifact(runId, "report.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        JsonNode root = Json.parse(
                live.send("GET", API + "artifacts/list?run_id=" + runId, null).body());
        assertEquals(
                live.store.getRun(runId).info().artifactUri(),
                root.get("root_uri").asText());
        assertEquals("data", root.at("/files/0/path").asText());
        assertTrue(root.at("/files/0/is_dir").asBoolean());
        JsonNode sub = Json.parse(live.send("GET", API + "artifacts/list?run_id=" + runId + "&path=data", null)
                .body());
        assertEquals("data/table.csv", sub.at("/files/0/path").asText());
        assertEquals(csv.length, sub.at("/files/0/file_size").asLong());

        HttpResponse<String> file = live.send("GET", "/get-artifact?path=data/table.csv&run_uuid=" + runId, null);
        assertEquals(200, file.statusCode());
        assertArrayEquals(csv, file.body().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> html = live.send("GET", "/get-artifact?path=report.html&run_uuid=" + runId, null);
        assertTrue(
                html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"),
                "never served as a page");

        assertError(
                live.send("GET", "/get-artifact?path=../../lathe.db&run_uuid=" + runId, null),
                400,
                "INVALID_PARAMETER_VALUE",
                "..");
    }
}
