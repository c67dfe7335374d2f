package dev.lathe.server;

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

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
