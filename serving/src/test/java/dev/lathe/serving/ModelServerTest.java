package dev.lathe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.server.http.Json;
import dev.lathe.workflow.Lathe;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lathe serve}'s protocol against MLflow's documented requests (fixtures under
 * {@code invocations/}), errors, health, metrics, alias following, the timeout and graceful shutdown.
 */
class ModelServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    Lathe lathe;

    @BeforeEach
    void registerModel() {
        lathe = Lathe.open(tmp.resolve("store"));
        lathe.register(AbcModels.train(lathe, tmp, 1.0), "abc", "champion");
    }

    @AfterEach
    void close() {
        lathe.close();
    }

    private ModelServer serve(ServeSettings settings) {
        return ModelServer.start(ServedModel.load("models:/abc@champion", lathe.store()), settings);
    }

    private static ServeSettings local() {
        return ServeSettings.defaults().withAddress(new InetSocketAddress("127.0.0.1", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataframe_split", "dataframe_records", "instances", "inputs", "csv"})
    void mlflowsDocumentedRequestLayoutsGetTheGoldenPredictions(String layout) throws Exception {
        boolean csv = layout.equals("csv");
        String request = fixture(layout + (csv ? ".request.csv" : ".request.json"));
        JsonNode golden = Json.parse(fixture(layout + ".response.json"));
        FittedPipeline embedded = lathe.load("models:/abc@champion");
        try (ModelServer server = serve(local())) {
            HttpResponse<String> r = post(server, csv ? "text/csv" : "application/json", request);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode predictions = Json.parse(r.body()).get("predictions");
            assertEquals(golden.get("predictions").size(), predictions.size());
            for (int i = 0; i < predictions.size(); i++) {
                assertEquals(
                        golden.get("predictions").get(i).asDouble(),
                        predictions.get(i).asDouble(),
                        1e-6);
            }
            JsonNode rows = Json.parse(fixture((csv
                                    ? "dataframe_records"
                                    : layout.startsWith("dataframe") ? "dataframe_records" : "instances")
                            + ".request.json"))
                    .elements()
                    .next();
            for (int i = 0; i < predictions.size(); i++) { // the server and the embedded pipeline agree exactly
                JsonNode row = rows.get(i);
                Map<String, Object> cells = new HashMap<>();
                cells.put("a", row.get("a").asText());
                cells.put("b", row.get("b").longValue());
                cells.put("c", row.get("c").longValue());
                assertEquals(embedded.predict(cells), predictions.get(i).asDouble(), 0.0);
            }
        }
    }

    @Test
    void theDocumentedTensorExampleIsA400NamingTheColumnAndTheValue() throws Exception {
        try (ModelServer server = serve(local())) {
            HttpResponse<String> r = post(server, "application/json", fixture("instances_tensor.request.json"));
            assertEquals(400, r.statusCode());
            JsonNode error = Json.parse(r.body());
            assertEquals("BAD_REQUEST", error.get("error_code").asText());
            assertTrue(error.get("message").asText().contains("column 'c' row 0 has value [1,2,3]"), r.body());
        }
    }

    @Test
    void aMissingColumnOrABadValueIsA400NamingIt() throws Exception {
        try (ModelServer server = serve(local())) {
            HttpResponse<String> missing =
                    post(server, "application/json", "{\"dataframe_records\": [{\"a\": \"s1\", \"b\": 2}]}");
            assertEquals(400, missing.statusCode());
            assertEquals(
                    "BAD_REQUEST", Json.parse(missing.body()).get("error_code").asText());
            assertTrue(missing.body().contains("no column c"), missing.body());

            HttpResponse<String> bad =
                    post(server, "application/json", "{\"inputs\": {\"a\": [\"s1\"], \"b\": [\"abc\"], \"c\": [1]}}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("BAD_REQUEST", Json.parse(bad.body()).get("error_code").asText());
            assertTrue(bad.body().contains("'b'") && bad.body().contains("abc"), bad.body());

            HttpResponse<String> none = post(server, "application/json", "{\"rows\": []}");
            assertEquals(400, none.statusCode());
            assertTrue(none.body().contains("dataframe_split"), none.body());

            HttpResponse<String> type = post(server, "text/plain", "a,b,c\ns1,1,1\n");
            assertEquals(415, type.statusCode());
        }
    }

    @Test
    void pingHealthVersionAndMetricsAnswerAndMetricsCountRequestsErrorsAndLatency() throws Exception {
        try (ModelServer server = serve(local())) {
            assertEquals(200, get(server, "/ping").statusCode());
            assertEquals(200, get(server, "/health").statusCode());
            assertEquals(
                    dev.lathe.core.LatheVersion.VERSION, get(server, "/version").body());
            post(server, "application/json", fixture("instances.request.json"));
            post(server, "application/json", fixture("instances.request.json"));
            post(server, "application/json", fixture("instances_tensor.request.json"));
            HttpResponse<String> metrics = get(server, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String text = metrics.body();
            assertTrue(text.contains("lathe_serving_requests_total{path=\"/invocations\",code=\"200\"} 2\n"), text);
            assertTrue(text.contains("lathe_serving_requests_total{path=\"/invocations\",code=\"400\"} 1\n"), text);
            assertTrue(text.contains("lathe_serving_request_errors_total{path=\"/invocations\"} 1\n"), text);
            assertTrue(text.contains("lathe_serving_request_duration_seconds_count{path=\"/invocations\"} 3\n"), text);
            assertTrue(
                    text.contains(
                            "lathe_serving_request_duration_seconds_bucket{path=\"/invocations\",le=\"+Inf\"} 3\n"),
                    text);
            assertTrue(text.contains("lathe_serving_predictions_total 6\n"), text);
        }
    }

    @Test
    void followingTheAliasServesTheVersionItMovesToWithoutARestart() throws Exception {
        lathe.register(AbcModels.train(lathe, tmp, 2.0), "abc");
        String one = "{\"dataframe_split\": {\"columns\": [\"a\", \"b\", \"c\"], \"data\": [[\"s2\", 5, 6]]}}";
        try (ModelServer server = serve(local().following(Duration.ofMillis(50)))) {
            assertEquals(AbcModels.expected(1, "s2", 5, 6), prediction(post(server, "application/json", one)), 1e-6);
            lathe.store().registry().setAlias("abc", "champion", 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            double now = prediction(post(server, "application/json", one));
            while (Math.abs(now - AbcModels.expected(2, "s2", 5, 6)) > 1e-6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                now = prediction(post(server, "application/json", one));
            }
            assertEquals(AbcModels.expected(2, "s2", 5, 6), now, 1e-6);
            assertTrue(get(server, "/metrics").body().contains("lathe_serving_model_reloads_total 1\n"));
        }
    }

    @Test
    void withoutFollowingTheServerKeepsTheModelItStartedWith() throws Exception {
        lathe.register(AbcModels.train(lathe, tmp, 2.0), "abc");
        String one = "{\"dataframe_split\": {\"columns\": [\"a\", \"b\", \"c\"], \"data\": [[\"s2\", 5, 6]]}}";
        try (ModelServer server = serve(local())) {
            lathe.store().registry().setAlias("abc", "champion", 2);
            Thread.sleep(200);
            assertEquals(AbcModels.expected(1, "s2", 5, 6), prediction(post(server, "application/json", one)), 1e-6);
        }
    }

    @Test
    void aRequestOverTheTimeoutIsA503AndTheServerAnswersTheNextOne() throws Exception {
        try (ModelServer server = serve(local().withTimeout(Duration.ofMillis(1)))) {
            HttpResponse<String> slow = post(server, "text/csv", bigCsv(200_000));
            assertEquals(503, slow.statusCode(), slow.body());
            assertEquals(
                    "TEMPORARILY_UNAVAILABLE",
                    Json.parse(slow.body()).get("error_code").asText());
            assertEquals(200, get(server, "/ping").statusCode());
        }
    }

    @Test
    void aSmallBodyIsScoredOnTheConnectionsThreadWhateverTheTimeout() throws Exception {
        // through the scoring pool a 1 ns timeout answers 503; a small body never waits for the pool
        try (ModelServer server = serve(local().withTimeout(Duration.ofNanos(1)))) {
            String small = fixture("dataframe_split.request.json");
            assertTrue(small.length() <= Invocations.INLINE_MAX_BYTES);
            HttpResponse<String> r = post(server, "application/json", small);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(
                    Json.parse(fixture("dataframe_split.response.json"))
                            .get("predictions")
                            .size(),
                    Json.parse(r.body()).get("predictions").size());
        }
    }

    @Test
    void closingLetsTheRequestUnderWayFinish() throws Exception {
        ModelServer server = serve(local().withTimeout(Duration.ofSeconds(60)).withGrace(Duration.ofSeconds(30)));
        String body = bigCsv(300_000);
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/invocations"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // the request has reached the server and is being scored
        server.close();
        HttpResponse<String> r = inFlight.get();
        assertEquals(200, r.statusCode());
        assertEquals(300_000, Json.parse(r.body()).get("predictions").size());
    }

    @Test
    void theDefaultsBindLoopbackOnMlflowsPort() {
        ServeSettings defaults = ServeSettings.defaults();
        assertEquals("127.0.0.1", defaults.address().getHostString());
        assertEquals(5001, defaults.address().getPort());
        try (ModelServer server = serve(
                defaults.withAddress(new InetSocketAddress(defaults.address().getHostString(), 0)))) {
            assertEquals("127.0.0.1", server.uri().getHost());
        }
    }

    private static String bigCsv(int rows) {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < rows; i++) {
            csv.append("s")
                    .append(1 + i % 3)
                    .append(',')
                    .append(i % 17)
                    .append(',')
                    .append(i % 13)
                    .append('\n');
        }
        return csv.toString();
    }

    private static double prediction(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body()).get("predictions").get(0).asDouble();
    }

    static HttpResponse<String> post(ModelServer server, String type, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.uri().resolve("/invocations"))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(ModelServer server, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = ModelServerTest.class.getResourceAsStream("/invocations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
