package dev.lathe.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** MLflow's key/value lists ({@code [{"key": ..., "value": ...}]}), for tags and params, both ways. */
public final class Tags {
    private Tags() {}

    public static ArrayNode toJson(Map<String, String> entries) {
        ArrayNode out = Json.array();
        entries.forEach((k, v) -> {
            ObjectNode o = out.addObject();
            o.put("key", k);
            o.put("value", v);
        });
        return out;
    }

    /** The {@code name} list of a request as a map, in request order (a later key wins, as MLflow). */
    public static Map<String, String> fromJson(Fields request, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Fields tag : request.objects(name)) {
            out.put(tag.string("key"), tag.stringAllowEmpty("value"));
        }
        return out;
    }
}
