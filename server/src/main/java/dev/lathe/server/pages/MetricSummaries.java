package dev.lathe.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import java.util.List;

/**
 * The runs table's min and max metric columns in one request per page (MLflow's API has only the
 * latest value): {@code GET /ajax-api/2.0/lathe/metrics/summaries?run_id=..&key=..} (both repeated)
 * answers each run's min, max and point count of each key it logged (NaN points ignored), from one
 * query ({@link TrackingStore#summarizeMetrics}).
 */
final class MetricSummaries {
    /** The endpoint's path, a Lathe extension next to MLflow's UI prefix. */
    static final String PATH = "/ajax-api/2.0/lathe/metrics/summaries";
    /** Runs, and keys, one request may name: the runs table's largest page, a wide picker. */
    static final int MAX_NAMES = 1_000;

    private final TrackingStore store;

    MetricSummaries(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Fields f = request.fields();
        List<String> runs = f.strings("run_id");
        List<String> keys = f.strings("key");
        LatheException.check(
                runs.size() <= MAX_NAMES && keys.size() <= MAX_NAMES,
                "%s takes at most %d runs and %d keys, got %d runs and %d keys",
                PATH,
                MAX_NAMES,
                MAX_NAMES,
                runs.size(),
                keys.size());
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("summaries");
        for (MetricSummary m : store.summarizeMetrics(runs, keys)) {
            out.addObject()
                    .put("run_id", m.runId())
                    .put("key", m.key())
                    .put("min", m.min())
                    .put("max", m.max())
                    .put("count", m.count());
        }
        return Response.json(o);
    }
}
