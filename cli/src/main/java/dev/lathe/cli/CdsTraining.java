package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.LatheServer;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;
import dev.lathe.serving.http.NettyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The run the {@code lathe} script records into its class-data sharing archive once per build: the
 * demo into a throwaway store, then {@code lathe ui}'s server answering its first pages, then {@code
 * lathe serve}'s transport (Netty) answering a GET and a POST, so that these commands start from mapped,
 * verified classes. {@code CdsTraining STORE_DIR}.
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
        RouteTable routes = new RouteTable()
                .add("GET", "/ping", r -> Response.empty())
                .add("POST", "/invocations", r -> Response.empty());
        try (NettyServer server =
                NettyServer.start(routes, new InetSocketAddress("127.0.0.1", 0), 1 << 10, Duration.ofMinutes(1))) {
            HttpClient http = HttpClient.newHttpClient();
            for (HttpRequest request : List.of(
                    HttpRequest.newBuilder(URI.create(server.uri() + "/ping")).build(),
                    HttpRequest.newBuilder(URI.create(server.uri() + "/invocations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build())) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                LatheException.check(r.statusCode() == 200, "%s answered %d: %s", request, r.statusCode(), r.body());
            }
        }
        System.exit(0);
    }
}
