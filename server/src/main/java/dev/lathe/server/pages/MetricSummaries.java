package dev.lathe.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import java.util.List;

/**
 * The runs table's min and max metric columns in one request per page (MLflow's API has only the
 * latest value): {@code GET /ajax-api/2.0/lathe/metrics/summaries?run_id=..&key=..} (both repeated)
 * answers each run's min, max and point count of each key it logged (NaN points ignored).
 */
final class MetricSummaries {
    /** The endpoint's path, a Lathe extension next to MLflow's UI prefix. */
    static final String PATH = "/ajax-api/2.0/lathe/metrics/summaries";
    /** Cells one request may ask for (runs x keys), the runs table's largest page times a wide picker. */
    static final int MAX_CELLS = 50_000;

    private final TrackingStore store;

    MetricSummaries(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Fields f = request.fields();
        List<String> runs = f.strings("run_id");
        List<String> keys = f.strings("key");
        LatheException.check(
                (long) runs.size() * keys.size() <= MAX_CELLS,
                "%s: %d runs x %d keys is more than %d cells",
                PATH,
                runs.size(),
                keys.size(),
                MAX_CELLS);
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("summaries");
        for (String runId : runs) {
            for (String key : keys) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int n = 0;
                for (Metric m : store.getMetricHistory(runId, key)) {
                    if (!Double.isNaN(m.value())) {
                        min = Math.min(min, m.value());
                        max = Math.max(max, m.value());
                        n++;
                    }
                }
                if (n > 0) {
                    out.addObject()
                            .put("run_id", runId)
                            .put("key", key)
                            .put("min", min)
                            .put("max", max)
                            .put("count", n);
                }
            }
        }
        return Response.json(o);
    }
}
