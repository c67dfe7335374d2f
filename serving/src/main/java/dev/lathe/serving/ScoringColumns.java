package dev.lathe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lathe.core.DataException;
import dev.lathe.core.recipe.ColumnValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a scoring request gathered by column, then typed as a file's columns are: whole numbers
 * as longs, other numbers as doubles, anything else (booleans too) as text, null as missing; held as
 * {@link ColumnValues}, which the pipeline reads as it reads a table, without building one. A cell
 * that is a list or an object is an error naming the column, the row and the value.
 */
final class ScoringColumns {
    private final Map<String, List<JsonNode>> cells = new LinkedHashMap<>();
    private int rows;

    /** Starts a new row; cells not set in it are missing. */
    void nextRow() {
        rows++;
    }

    /** Sets {@code column}'s cell of the current row. */
    void set(String column, JsonNode value) {
        List<JsonNode> values = cells.computeIfAbsent(column, c -> new ArrayList<>());
        while (values.size() < rows - 1) {
            values.add(NullNode.instance);
        }
        if (values.size() == rows) {
            throw new DataException("row " + (rows - 1) + " of the request sets column '" + column + "' twice");
        }
        values.add(value);
    }

    int rows() {
        return rows;
    }

    /** The cells as typed columns named {@code name} (what the pipeline scores). */
    ColumnValues values(String name) {
        ColumnValues out = new ColumnValues(name, rows);
        cells.forEach((column, values) -> {
            while (values.size() < rows) {
                values.add(NullNode.instance);
            }
            add(out, column, values);
        });
        return out;
    }

    private static void add(ColumnValues out, String name, List<JsonNode> values) {
        boolean numbers = false;
        boolean integral = true;
        boolean text = false;
        for (int r = 0; r < values.size(); r++) {
            JsonNode v = values.get(r);
            if (v.isContainerNode()) {
                throw new DataException("column '" + name + "' row " + r + " has value " + v
                        + ": a cell must be a number, text or null");
            }
            if (v.isNumber()) {
                numbers = true;
                integral &= v.isIntegralNumber() && v.canConvertToLong();
            } else if (!v.isNull()) {
                text = true;
            }
        }
        int n = values.size();
        if (numbers && !text && integral) {
            long[] longs = new long[n];
            boolean[] missing = new boolean[n];
            for (int r = 0; r < n; r++) {
                missing[r] = values.get(r).isNull();
                longs[r] = missing[r] ? 0 : values.get(r).longValue();
            }
            out.longs(name, longs, missing);
        } else if (numbers && !text) {
            double[] doubles = new double[n];
            for (int r = 0; r < n; r++) {
                JsonNode v = values.get(r);
                doubles[r] = v.isNull() ? Double.NaN : v.doubleValue();
            }
            out.doubles(name, doubles);
        } else {
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                JsonNode v = values.get(r);
                texts[r] = v.isNull() ? null : v.asText();
            }
            out.texts(name, texts);
        }
    }
}
