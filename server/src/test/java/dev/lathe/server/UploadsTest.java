package dev.lathe.server;

import static dev.lathe.server.LiveServer.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLflow's {@code upload-artifact} and {@code runs/log-model}, and the server's bound on request bodies. */
class UploadsTest {
    private static final String API = "/api/2.0/mlflow/";

    @TempDir
    Path dir;

    private LiveServer live;
    private String runId;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        live = new LiveServer(dir);
        runId = live.store.createRun(RunSpec.builder("0").build()).runId();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private HttpResponse<String> upload(String query, byte[] data) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(live.server.uri() + API + "upload-artifact?" + query))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(data))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadedArtifactReadsBackByteForByte() throws Exception {
        byte[] data = {0, 1, 2, (byte) 0xff, 'x'};
        assertEquals(
                200, upload("run_uuid=" + runId + "&path=models/m.bin", data).statusCode());
        assertArrayEquals(data, live.store.readArtifact(runId, "models/m.bin"));
        HttpResponse<byte[]> back = http.send(
                HttpRequest.newBuilder(URI.create(
                                live.server.uri() + "/get-artifact?run_uuid=" + runId + "&path=models/m.bin"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(data, back.body());
    }

    @Test
    void badUploadsAreRefusedAndWriteNothing() throws Exception {
        assertError(
                upload("run_uuid=" + runId + "&path=../escape.bin", new byte[] {1}),
                400,
                "INVALID_PARAMETER_VALUE",
                "escape.bin");
        assertError(
                upload("run_uuid=" + runId + "&path=empty.bin", new byte[0]),
                400,
                "INVALID_PARAMETER_VALUE",
                "must specify data");
        assertError(
                upload("run_uuid=" + runId + "&path=big.bin", new byte[10 * 1024 * 1024 + 1]),
                400,
                "INVALID_PARAMETER_VALUE",
                "Max size is 10MB");
        assertError(upload("path=x.bin", new byte[] {1}), 400, "INVALID_PARAMETER_VALUE", "run_uuid");
        assertError(upload("run_uuid=nope&path=x.bin", new byte[] {1}), 404, "RESOURCE_DOES_NOT_EXIST", "nope");
        assertEquals(List.of(), live.store.listArtifacts(runId, ""));
        assertError(
                upload("run_uuid=" + runId + "&path=huge.bin", new byte[17 << 20]),
                400,
                "INVALID_PARAMETER_VALUE",
                "larger than 16 MiB");
    }

    @Test
    void loggedModelsAccumulateInTheRunsHistoryTag() throws Exception {
        String model = "{\\\"artifact_path\\\": \\\"model\\\", \\\"flavors\\\": {\\\"python_function\\\": {}},"
                + " \\\"utc_time_created\\\": \\\"2026-11-30 22:00:00.000000\\\", \\\"run_id\\\": \\\"" + runId
                + "\\\"}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = live.send(
                    "POST",
                    API + "runs/log-model",
                    "{\"run_id\": \"" + runId + "\", \"model_json\": \"" + model + "\"}");
            assertEquals(200, r.statusCode(), r.body());
        }
        JsonNode history = Json.parse(live.store.getRun(runId).data().tags().get(MlflowTags.LOGGED_MODELS));
        assertEquals(2, history.size());
        assertEquals("model", history.get(1).get("artifact_path").asText());
        assertError(
                live.send("POST", API + "runs/log-model", "{\"run_id\": \"" + runId + "\", \"model_json\": \"{}\"}"),
                400,
                "INVALID_PARAMETER_VALUE",
                "artifact_path, flavors, utc_time_created, run_id");
        assertError(
                live.send("POST", API + "runs/log-model", "{\"run_id\": \"" + runId + "\", \"model_json\": \"{oops\"}"),
                400,
                "INVALID_PARAMETER_VALUE",
                "not a valid JSON");
        assertEquals(
                2,
                Json.parse(live.store.getRun(runId).data().tags().get(MlflowTags.LOGGED_MODELS))
                        .size());
    }
}
