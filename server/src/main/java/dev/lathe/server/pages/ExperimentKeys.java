package dev.lathe.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import java.util.Arrays;
import java.util.Locale;

/**
 * The column picker's key lists, searched on the server so that an experiment with 12,000 metric keys
 * sends only the matches shown: {@code GET /ajax-api/2.0/lathe/experiments/keys?experiment_id=..&kind=
 * metric|param|tag&contains=..&max_results=..} answers {@code {"keys": [...], "total": n}} (a Lathe
 * extension; MLflow's API has no key listing).
 */
final class ExperimentKeys {
    /** The endpoint's path, next to MLflow's UI prefix. */
    static final String PATH = "/ajax-api/2.0/lathe/experiments/keys";
    /** Keys one answer may carry. */
    static final int MAX_RESULTS = 1_000;

    private final TrackingStore store;

    ExperimentKeys(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Fields f = request.fields();
        String kindName = f.string("kind");
        RunDataKind kind = Arrays.stream(RunDataKind.values())
                .filter(k -> k.name().equalsIgnoreCase(kindName))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("Invalid value '" + kindName
                        + "' for parameter 'kind' of " + PATH + ": expected one of "
                        + Arrays.toString(RunDataKind.values()).toLowerCase(Locale.ROOT)));
        int max = f.optInt("max_results").orElse(200);
        LatheException.check(
                max >= 0 && max <= MAX_RESULTS, "max_results of %s must be in 0..%d, got %d", PATH, MAX_RESULTS, max);
        KeyMatches matches = store.searchKeys(
                f.string("experiment_id"), kind, f.optString("contains").orElse(""), max);
        ObjectNode o = Json.object();
        ArrayNode keys = o.putArray("keys");
        matches.keys().forEach(keys::add);
        o.put("total", matches.total());
        return Response.json(o);
    }
}
