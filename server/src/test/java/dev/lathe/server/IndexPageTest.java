package dev.lathe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page at {@code /}: names the store (escaped) and lists the API's routes. */
class IndexPageTest {
    @TempDir
    Path dir;

    @Test
    void listsTheRoutesAndEscapesTheStoreLocation() throws Exception {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("<script>x</script>"));
                LatheServer server = LatheServer.start(store, new InetSocketAddress("127.0.0.1", 0))) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.uri() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(r.body().contains("POST /api/2.0/mlflow/runs/log-batch"), r.body());
            assertTrue(r.body().contains("&lt;script&gt;x&lt;/script&gt;"), r.body());
            assertFalse(r.body().contains("<script>"), r.body());
        }
    }
}
