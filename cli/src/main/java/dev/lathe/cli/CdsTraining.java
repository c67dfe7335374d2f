package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.LatheServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The run the {@code lathe} script records into its class-data sharing archive once per build: the
 * demo into a throwaway store, then {@code lathe ui}'s server answering its first pages, so that both
 * commands start from mapped, verified classes. {@code CdsTraining STORE_DIR}.
 */
final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LatheCli.startup();
        String store = args[0];
        int code = LatheCli.execute("demo", "--store", store);
        if (code != 0) {
            System.exit(code);
        }
        try (TrackingStore tracker = StoreAddress.of(store).open();
                LatheServer server = LatheServer.start(tracker, new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("/", "/ajax-api/2.0/mlflow/experiments/search?max_results=10")) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(server.uri() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                LatheException.check(r.statusCode() == 200, "%s answered %d: %s", page, r.statusCode(), r.body());
            }
        }
        System.exit(0);
    }
}
