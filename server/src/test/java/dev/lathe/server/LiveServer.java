package dev.lathe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.server.http.Json;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.mlflow.tracking.MlflowClient;

/** A Lathe store in a test's directory with a server over it on a free port of 127.0.0.1. */
final class LiveServer implements AutoCloseable {
    final SqliteTrackingStore store;
    final LatheServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    LiveServer(Path dir) {
        this.store = SqliteTrackingStore.open(dir.resolve("store"));
        this.server = LatheServer.start(store, new InetSocketAddress("127.0.0.1", 0));
    }

    /** MLflow's official Java client pointed at this server. */
    MlflowClient client() {
        return new MlflowClient(server.uri().toString());
    }

    /** A raw request: {@code method} on {@code pathAndQuery} with a JSON body (null for none). */
    HttpResponse<String> send(String method, String pathAndQuery, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery));
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts MLflow's error JSON: the status, the error code and a part of the message. */
    static void assertError(HttpResponse<String> r, int status, String code, String inMessage) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = Json.parse(r.body());
        assertEquals(code, body.get("error_code").asText(), r.body());
        assertTrue(body.get("message").asText().contains(inMessage), r.body());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
