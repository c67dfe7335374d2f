package dev.lathe.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.server.LatheServer;
import dev.lathe.server.http.Json;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 15's speed goals for {@code lathe ui}, over HTTP against an in-process {@link LatheServer} on the
 * store {@link UiStore} builds: the runs table's first page of 50 (as the page asks: 10 columns), the same
 * filtered and sorted by a metric, MLflow's full {@code runs/search} page for comparison, the column
 * picker's metric-key search over 12,000 keys, the 1M-point history thinned for a chart, and the data of
 * a 500-run compare page. Each: median and p95 of 30 requests after 5 warm-ups, and the answer's bytes.
 *
 * <pre>bench/run.sh dev.lathe.bench.server.UiSpeedBench [STORE_DIR=/tmp/lathe-ui-speed] [RUNS=100000] [SEED=42]</pre>
 */
public final class UiSpeedBench {
    private static final int WARMUPS = 5;
    private static final int REPEATS = 30;
    private static final String FILTER = "metrics.m1 > 0.5 and params.p1 != 'v3'";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private UiSpeedBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/lathe-ui-speed");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Files.createDirectories(dir);
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String experimentId = UiStore.ensure(store, runs, seed);
            String longRun = UiStore.longRun(store, experimentId).orElseThrow();
            Page<Run> some = store.searchRuns(List.of(experimentId), null, List.of(), 500, null, ViewType.ALL);
            List<String> compareIds =
                    some.items().stream().map(r -> r.info().runId()).toList();
            try (LatheServer server = LatheServer.start(store, new InetSocketAddress("127.0.0.1", 0))) {
                new UiSpeedBench(server.uri()).run(experimentId, longRun, compareIds);
            }
        }
    }

    private void run(String experimentId, String longRun, List<String> compareIds) throws Exception {
        System.out.println("case                                                   median ms   p95 ms     bytes");
        String picker = "/ajax-api/2.0/lathe/experiments/keys?experiment_id=" + experimentId + "&kind=metric";
        JsonNode firstKeys = Json.parse(get(picker + "&max_results=3"));
        JsonNode firstParams = Json.parse(get(picker.replace("kind=metric", "kind=param") + "&max_results=3"));
        ObjectNode table = searchBody(experimentId, 50, null, "attributes.start_time DESC");
        table.set("metric_keys", firstKeys.get("keys"));
        table.set("param_keys", firstParams.get("keys"));
        time("runs table, first page of 50 (10 columns)", () -> post("/ajax-api/2.0/lathe/runs/table", table));
        ObjectNode filtered = table.deepCopy();
        filtered.put("filter", FILTER);
        filtered.putArray("order_by").add("metrics.m0 DESC");
        time("runs table, 50, filtered + sorted by a metric", () -> post("/ajax-api/2.0/lathe/runs/table", filtered));
        ObjectNode full = searchBody(experimentId, 50, null, "attributes.start_time DESC");
        time(
                "MLflow runs/search, 50 whole runs (for comparison)",
                () -> post("/ajax-api/2.0/mlflow/runs/search", full));
        time("metric keys: first 200 of 12,000", () -> get(picker + "&max_results=200"));
        time("metric keys: search 'fold_0123'", () -> get(picker + "&contains=fold_0123&max_results=200"));
        time(
                "1M-point history thinned to 1,000 points",
                () -> get("/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval" + "?run_ids=" + longRun
                        + "&metric_key=" + UiStore.LONG_METRIC + "&max_results=1000"));
        ObjectNode compare =
                searchBody(experimentId, 500, "attributes.run_id IN ('" + String.join("', '", compareIds) + "')", null);
        time("compare: 500 runs by id (runs/search IN)", () -> post("/ajax-api/2.0/mlflow/runs/search", compare));
        System.out.println("compare page: "
                + base.resolve("/compare?runs=" + String.join(",", compareIds))
                        .toString()
                        .length() + " characters of URL");
    }

    private static ObjectNode searchBody(String experimentId, int size, String filter, String order) {
        ObjectNode o = Json.object();
        o.putArray("experiment_ids").add(experimentId);
        o.put("max_results", size);
        if (filter != null) {
            o.put("filter", filter);
        }
        ArrayNode orderBy = o.putArray("order_by");
        if (order != null) {
            orderBy.add(order);
        }
        return o;
    }

    /** An HTTP call answering its body. */
    @FunctionalInterface
    private interface Call {
        String send() throws Exception;
    }

    private void time(String label, Call call) throws Exception {
        String body = "";
        for (int i = 0; i < WARMUPS; i++) {
            body = call.send();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            call.send();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = (ms[REPEATS / 2 - 1] + ms[REPEATS / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * REPEATS) - 1];
        System.out.printf(
                Locale.ROOT,
                "%-54s %9.1f %8.1f %9d%n",
                label,
                median,
                p95,
                body.getBytes(StandardCharsets.UTF_8).length);
    }

    private String get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    private String post(String path, JsonNode body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
