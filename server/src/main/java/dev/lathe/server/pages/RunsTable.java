package dev.lathe.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunData;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.api.RunSearchFields;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.RunJson;
import dev.lathe.tuning.tracking.TrialTags;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The runs table's data: MLflow's {@code runs/search} request, answered with only the columns the table
 * shows ({@code metric_keys}, {@code param_keys}, {@code tag_keys}) plus the tags the table itself reads,
 * so a page of runs that logged hundreds of metrics stays a few kilobytes. A Lathe extension:
 * {@code POST /ajax-api/2.0/lathe/runs/table}; the answer has runs/search's form.
 */
final class RunsTable {
    /** The endpoint's path, next to MLflow's UI prefix. */
    static final String PATH = "/ajax-api/2.0/lathe/runs/table";

    private final TrackingStore store;
    /** Tags the table reads whatever the columns: nesting under a parent, the link to a search page. */
    private static final Set<String> TABLE_TAGS = Set.of(MlflowTags.PARENT_RUN_ID, TrialTags.SEARCH);

    RunsTable(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Fields f = request.fields();
        Page<Run> page = RunSearchFields.search(store, f);
        Set<String> metrics = Set.copyOf(f.strings("metric_keys"));
        Set<String> params = Set.copyOf(f.strings("param_keys"));
        Set<String> tags = new HashSet<>(f.strings("tag_keys"));
        tags.addAll(TABLE_TAGS);
        ObjectNode o = Json.object();
        ArrayNode runs = o.putArray("runs");
        for (Run run : page.items()) {
            RunData d = run.data();
            ObjectNode r = runs.addObject();
            r.set("info", RunJson.info(run.info()));
            r.set(
                    "data",
                    RunJson.data(new RunData(
                            only(d.latestMetrics(), metrics), only(d.params(), params), only(d.tags(), tags))));
        }
        page.nextPageToken().ifPresent(t -> o.put("next_page_token", t));
        return Response.json(o);
    }

    private static <V> SortedMap<String, V> only(SortedMap<String, V> all, Set<String> keys) {
        SortedMap<String, V> out = new TreeMap<>();
        for (Map.Entry<String, V> e : all.entrySet()) {
            if (keys.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
