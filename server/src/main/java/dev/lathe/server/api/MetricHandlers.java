package dev.lathe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.RunJson;
import dev.lathe.tracking.search.PageToken;
import java.util.List;
import java.util.Optional;

/**
 * MLflow's {@code metrics/get-history} (every point of one metric of one run, paged by step order) and
 * {@code metrics/get-history-bulk-interval} (one metric of up to 100 runs, thinned on the server for a
 * chart). MLflow samples evenly spaced steps; Lathe keeps each step interval's smallest and largest value
 * instead ({@link dev.lathe.core.tracking.HistorySampler}), so a spike survives; the request and answer
 * are MLflow's.
 */
final class MetricHandlers {
    /** MLflow's page size for metric histories when {@code max_results} is not given. */
    private static final int DEFAULT_PAGE = 25_000;
    /** MLflow's limit on the runs of one bulk-interval request (MAX_RUNS_GET_METRIC_HISTORY_BULK). */
    static final int MAX_BULK_RUNS = 100;
    /** MLflow's limit and default for the points per run of one bulk-interval request (MAX_RESULTS_PER_RUN). */
    static final int MAX_POINTS_PER_RUN = 2_500;

    private final TrackingStore store;

    MetricHandlers(TrackingStore store) {
        this.store = store;
    }

    void register(ApiRoutes routes) {
        routes.get("metrics/get-history", this::history).get("metrics/get-history-bulk-interval", this::bulkInterval);
    }

    private Response bulkInterval(Request r) {
        Fields f = r.fields();
        List<String> runIds = f.strings("run_ids");
        String key = f.string("metric_key");
        LatheException.check(
                !runIds.isEmpty() && runIds.size() <= MAX_BULK_RUNS,
                "GetMetricHistoryBulkInterval request must specify at most %d run_ids. Received %d run_ids.",
                MAX_BULK_RUNS,
                runIds.size());
        int max = f.optInt("max_results").orElse(MAX_POINTS_PER_RUN);
        LatheException.check(
                max >= 1 && max <= MAX_POINTS_PER_RUN, "max_results must be between 1 and %d.", MAX_POINTS_PER_RUN);
        Optional<Long> start = f.optLong("start_step");
        Optional<Long> end = f.optLong("end_step");
        LatheException.check(
                start.isPresent() == end.isPresent(),
                "If either start step or end step are specified, both must be specified.");
        LatheException.check(
                start.isEmpty() || start.get() <= end.get(),
                "end_step must be greater than start_step. Found start_step=%s and end_step=%s.",
                start.orElse(null),
                end.orElse(null));
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("metrics");
        for (String runId : runIds) {
            List<Metric> points = store.sampleMetricHistory(
                    runId, key, start.orElse(Long.MIN_VALUE), end.orElse(Long.MAX_VALUE), max);
            for (JsonNode point : RunJson.metrics(points)) {
                out.add(((ObjectNode) point).put("run_id", runId));
            }
        }
        return Response.json(o);
    }

    private Response history(Request r) {
        Fields f = r.fields();
        String runId = RunHandlers.runId(f);
        String key = f.string("metric_key");
        store.getRun(runId); // an unknown run is RESOURCE_DOES_NOT_EXIST, not an empty history
        int max = f.optInt("max_results").orElse(DEFAULT_PAGE);
        LatheException.check(max >= 1, "max_results of metrics/get-history must be >= 1, got %d", max);
        int offset = f.optString("page_token").map(PageToken::decode).orElse(0);
        List<Metric> all = store.getMetricHistory(runId, key);
        int end = (int) Math.min(all.size(), (long) offset + max);
        ObjectNode o = Json.object();
        o.set("metrics", RunJson.metrics(all.subList(Math.min(offset, all.size()), end)));
        if (end < all.size()) {
            o.put("next_page_token", PageToken.encode(end));
        }
        return Response.json(o);
    }
}
