package dev.lathe.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset input's fields in the JSON forms MLflow writes (the file store's dataset meta.yaml and the
 * REST API's {@code Dataset}), so that the export and the server derive them in one place: the source as
 * {@code {"uri": ...}}, the schema as {@code {"mlflow_colspec": [...]}}, the profile as
 * {@code {"num_rows": n}}, each formatted as Python's {@code json.dumps} does.
 */
public final class MlflowDatasetJson {
    /** The source type of a file a run read: MLflow's {@code LocalArtifactDatasetSource}. */
    public static final String SOURCE_TYPE = "local";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLSPEC = "mlflow_colspec";
    private static final String TENSORSPEC = "mlflow_tensorspec";

    private MlflowDatasetJson() {}

    /**
     * MLflow's source JSON for a stored source: {@code {"uri": "<source>"}} (mlflow/data/
     * filesystem_dataset_source.py, {@code to_dict}), kept as is when it already is a JSON object.
     */
    public static String source(String source) {
        if (source == null) {
            return "{}";
        }
        if (source.startsWith("{")) {
            return source;
        }
        return "{" + string("uri") + ": " + string(source) + "}";
    }

    /** The uri of MLflow's source JSON, or the text itself when it is not that JSON. */
    public static String uriOf(String source) {
        if (source != null && source.startsWith("{")) {
            JsonNode uri = parse(source).map(n -> n.get("uri")).orElse(null);
            if (uri != null && uri.isTextual()) {
                return uri.asText();
            }
        }
        return source;
    }

    /**
     * MLflow's schema JSON ({@code json.dumps({"mlflow_colspec": schema.to_dict()})}, mlflow/data/
     * pandas_dataset.py {@code to_dict}; a column as {@code ColSpec.to_dict}, mlflow/types/schema.py):
     * Lathe's list of feature names becomes named {@code double} columns; its {@code {"features": n,
     * "target": t}} summary becomes a {@code features} column of {@code array<double>} and the target as a
     * {@code double}; a schema already in MLflow's form and text that is neither are kept as they are.
     */
    public static String schema(String schema) {
        if (schema == null || schema.isBlank()) {
            return null;
        }
        JsonNode node = parse(schema).orElse(null);
        if (node == null || node.has(COLSPEC) || node.has(TENSORSPEC)) {
            return schema;
        }
        List<String> columns = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode name : node) {
                if (!name.isTextual()) {
                    return schema;
                }
                columns.add(column(name.asText(), "{\"type\": \"double\"", true));
            }
        } else if (node.isObject()
                && node.has("features")
                && node.get("target") != null
                && node.get("target").isTextual()) {
            columns.add(column("features", "{\"type\": \"array\", \"items\": {\"type\": \"double\"}", true));
            columns.add(column(node.get("target").asText(), "{\"type\": \"double\"", true));
        } else {
            return schema;
        }
        return "{" + string(COLSPEC) + ": [" + String.join(", ", columns) + "]}";
    }

    /** MLflow's profile JSON with the row count, as a pandas dataset writes it ({@code json.dumps}). */
    public static String profile(long rows) {
        return "{" + string("num_rows") + ": " + rows + "}";
    }

    /** The row count of a profile JSON, 0 when it has none. */
    public static long rowsOf(String profile) {
        if (profile == null || !profile.startsWith("{")) {
            return 0;
        }
        JsonNode rows = parse(profile).map(n -> n.get("num_rows")).orElse(null);
        return rows != null && rows.canConvertToLong() ? rows.asLong() : 0;
    }

    private static String column(String name, String typeOpen, boolean required) {
        return typeOpen + ", " + string("name") + ": " + string(name) + ", " + string("required") + ": " + required
                + "}";
    }

    /** The JSON tree of {@code text}, empty when the text is not JSON (then it is kept as it is). */
    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** A JSON string as Python's {@code json.dumps} writes it (ensure_ascii: non-ASCII as \\uXXXX). */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
