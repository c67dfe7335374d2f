package dev.lathe.bench.server;

import dev.lathe.core.tracking.RunSpec;
import dev.lathe.server.LatheServer;
import dev.lathe.server.ServerRoutes;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests per second a {@link LatheServer} answers on this machine: CLIENTS threads, each sending one
 * request after another over a kept-alive connection for SECONDS, to one ENDPOINT: {@code echo} (a
 * trivial JSON POST, the anchor), {@code log-metric} (a write into SQLite) or {@code get-run}.
 * {@code -Dsun.net.httpserver.nodelay=false} measures the JDK's default (the server sets it to true).
 *
 * <pre>bench/run.sh dev.lathe.bench.server.ServerRequestRate CLIENTS SECONDS ENDPOINT</pre>
 */
public final class ServerRequestRate {
    private ServerRequestRate() {}

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        String endpoint = args[2];
        Path dir = Files.createTempDirectory("lathe-server-bench");
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String runId = store.createRun(RunSpec.builder("0").build()).runId();
            RouteTable routes = ServerRoutes.standard(store);
            routes.add("POST", "/echo", r -> Response.json(Json.parse("{\"ok\": true}")));
            try (LatheServer server = LatheServer.start(routes, new InetSocketAddress("127.0.0.1", 0))) {
                HttpRequest request = request(server.uri(), endpoint, runId);
                run(clients, seconds / 4, request); // warm-up
                long[] latencies = run(clients, seconds, request);
                Arrays.sort(latencies);
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d clients, %.0f s, nodelay=%s: %.0f req/s, p50 %.2f ms, p95 %.2f ms%n",
                        endpoint,
                        clients,
                        seconds,
                        System.getProperty("sun.net.httpserver.nodelay"),
                        latencies.length / seconds,
                        latencies[latencies.length / 2] / 1e6,
                        latencies[(int) (latencies.length * 0.95)] / 1e6);
            }
        }
    }

    private static HttpRequest request(URI base, String endpoint, String runId) {
        String api = base + "/api/2.0/mlflow/";
        return switch (endpoint) {
            case "echo" -> post(base + "/echo", "{\"x\": 1}");
            case "log-metric" -> post(
                    api + "runs/log-metric",
                    "{\"run_id\": \"" + runId + "\", \"key\": \"m\", \"value\": 1.5, \"step\": 1}");
            case "get-run" -> HttpRequest.newBuilder(URI.create(api + "runs/get?run_id=" + runId))
                    .build();
            default -> throw new IllegalArgumentException(
                    "ENDPOINT must be echo, log-metric or get-run, got " + endpoint);
        };
    }

    private static HttpRequest post(String uri, String json) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** Every request's latency in nanoseconds. */
    private static long[] run(int clients, double seconds, HttpRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("status " + r.statusCode() + ": " + new String(r.body()));
                    }
                    times.add(System.nanoTime() - t0);
                }
                return times;
            }));
        }
        pool.shutdown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }
}
