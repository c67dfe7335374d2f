package dev.lathe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.DataException;
import dev.lathe.core.recipe.ColumnValues;
import dev.lathe.server.http.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /invocations} as MLflow's scoring server does: JSON with exactly one of
 * {@code dataframe_split} ({@code columns} and {@code data} rows), {@code dataframe_records} (one object
 * per row), {@code instances} or {@code inputs} (a list of row objects, or one object of column lists),
 * optionally with {@code params}; or CSV with a header row. The rows become typed columns.
 */
final class ScoringRequest {
    /** The JSON keys that hold the rows, as MLflow names them. */
    static final List<String> INPUT_KEYS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private static final Set<String> ALLOWED_KEYS =
            Set.of("dataframe_split", "dataframe_records", "instances", "inputs", "params");
    private static final String TABLE = "request";

    private ScoringRequest() {}

    /** The rows of a JSON body. */
    static ColumnValues json(byte[] body) {
        ObjectNode root = Json.parseObject(body, "/invocations");
        String key = null;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ALLOWED_KEYS.contains(k)) {
                throw new DataException("invalid input: unknown key '" + k + "'; the body must hold exactly one of "
                        + String.join(", ", INPUT_KEYS) + " (and optionally params)");
            }
            if (INPUT_KEYS.contains(k)) {
                if (key != null) {
                    throw new DataException(
                            "invalid input: the body holds both '" + key + "' and '" + k + "'; give exactly one");
                }
                key = k;
            }
        }
        if (key == null) {
            throw new DataException(
                    "invalid input: the body must hold exactly one of " + String.join(", ", INPUT_KEYS));
        }
        JsonNode input = root.get(key);
        ScoringColumns columns =
                switch (key) {
                    case "dataframe_split" -> split(input);
                    case "dataframe_records" -> records(input, key);
                    default -> input.isObject() ? columnar(input, key) : records(input, key);
                };
        return columns.values(TABLE);
    }

    /** The rows of a CSV body (a header row, then one line per row). */
    static ColumnValues csv(byte[] body) {
        return CsvBody.parse(body).values(TABLE);
    }

    private static ScoringColumns split(JsonNode input) {
        JsonNode names = input.get("columns");
        JsonNode data = input.get("data");
        if (names == null || !names.isArray() || data == null || !data.isArray()) {
            throw new DataException("invalid input: dataframe_split needs 'columns' (a list of names) and 'data'"
                    + " (a list of rows), got " + abbreviate(input));
        }
        ScoringColumns out = new ScoringColumns();
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            if (!row.isArray() || row.size() != names.size()) {
                throw new DataException("invalid input: dataframe_split row " + r + " must be a list of " + names.size()
                        + " values (one per column), got " + abbreviate(row));
            }
            out.nextRow();
            for (int c = 0; c < names.size(); c++) {
                out.set(names.get(c).asText(), row.get(c));
            }
        }
        return out;
    }

    private static ScoringColumns records(JsonNode input, String key) {
        if (!input.isArray()) {
            throw new DataException(
                    "invalid input: " + key + " must be a list of row objects, got " + abbreviate(input));
        }
        ScoringColumns out = new ScoringColumns();
        for (int r = 0; r < input.size(); r++) {
            JsonNode row = input.get(r);
            if (!row.isObject()) {
                throw new DataException("invalid input: " + key + " row " + r
                        + " must be an object of column -> value (this model reads named columns), got "
                        + abbreviate(row));
            }
            out.nextRow();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = it.next();
                out.set(cell.getKey(), cell.getValue());
            }
        }
        return out;
    }

    private static ScoringColumns columnar(JsonNode input, String key) {
        int rows = -1;
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            int n = column.getValue().isArray() ? column.getValue().size() : 1;
            if (rows >= 0 && n != rows) {
                throw new DataException("invalid input: " + key + " column '" + column.getKey() + "' has " + n
                        + " values but column '" + first + "' has " + rows);
            }
            rows = n;
            first = first == null ? column.getKey() : first;
        }
        ScoringColumns out = new ScoringColumns();
        for (int r = 0; r < Math.max(rows, 0); r++) {
            out.nextRow();
            for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> column = it.next();
                JsonNode v = column.getValue();
                out.set(column.getKey(), v.isArray() ? v.get(r) : v);
            }
        }
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
