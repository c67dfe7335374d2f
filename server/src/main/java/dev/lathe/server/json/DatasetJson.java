package dev.lathe.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunInputs;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import java.util.Map;

/**
 * Run inputs as MLflow's REST API writes them ({@code DatasetInput} of service.proto): the context as
 * the {@code mlflow.data.context} tag, the source as MLflow's {@code {"uri": ...}} JSON, the row count in
 * the profile.
 */
public final class DatasetJson {
    private static final String SOURCE_TYPE = "local";

    private DatasetJson() {}

    public static ObjectNode inputs(RunInputs inputs) {
        ObjectNode o = Json.object();
        var list = o.putArray("dataset_inputs");
        for (DatasetInput d : inputs.datasets()) {
            ObjectNode input = list.addObject();
            input.set(
                    "tags",
                    Tags.toJson(d.context() == null ? Map.of() : Map.of(MlflowTags.DATASET_CONTEXT, d.context())));
            ObjectNode ds = input.putObject("dataset");
            ds.put("name", d.name());
            ds.put("digest", d.digest());
            ds.put("source_type", SOURCE_TYPE);
            ds.put("source", sourceJson(d.source()));
            if (d.schema() != null) {
                ds.put("schema", d.schema());
            }
            ObjectNode profile = Json.object();
            profile.put("num_rows", d.rows());
            ds.put("profile", profile.toString());
        }
        return o;
    }

    /** One dataset input of a log-inputs request. */
    public static DatasetInput input(Fields f) {
        Fields ds = f.object("dataset");
        String context = Tags.fromJson(f, "tags").get(MlflowTags.DATASET_CONTEXT);
        return new DatasetInput(
                ds.string("name"),
                ds.string("digest"),
                ds.optString("source").map(DatasetJson::uriOf).orElse(null),
                ds.optString("schema").orElse(null),
                rowsOf(ds.optString("profile").orElse(null)),
                context);
    }

    /** MLflow's source JSON for a stored source: {@code {"uri": ...}}, unless it already is JSON. */
    static String sourceJson(String source) {
        if (source == null) {
            return "{}";
        }
        if (source.startsWith("{")) {
            return source;
        }
        ObjectNode o = Json.object();
        o.put("uri", source);
        return o.toString();
    }

    /** The uri of MLflow's source JSON, or the text itself when it is not that JSON. */
    private static String uriOf(String source) {
        if (source.startsWith("{")) {
            JsonNode uri = Json.parse(source).get("uri");
            if (uri != null && uri.isTextual()) {
                return uri.asText();
            }
        }
        return source;
    }

    private static long rowsOf(String profile) {
        if (profile == null || !profile.startsWith("{")) {
            return 0;
        }
        JsonNode rows = Json.parse(profile).get("num_rows");
        return rows != null && rows.canConvertToLong() ? rows.asLong() : 0;
    }
}
