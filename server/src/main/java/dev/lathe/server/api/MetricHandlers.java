package dev.lathe.server.api;

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

/** MLflow's {@code metrics/get-history}: every point of one metric of one run, paged by step order. */
final class MetricHandlers {
    /** MLflow's page size for metric histories when {@code max_results} is not given. */
    private static final int DEFAULT_PAGE = 25_000;

    private final TrackingStore store;

    MetricHandlers(TrackingStore store) {
        this.store = store;
    }

    void register(ApiRoutes routes) {
        routes.get("metrics/get-history", this::history);
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
