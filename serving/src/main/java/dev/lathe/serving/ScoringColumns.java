package dev.lathe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lathe.core.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The cells of a scoring request gathered by column, then typed as a file's columns are: whole numbers
 * as longs, other numbers as doubles, anything else (booleans too) as text, null as missing. A cell
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

    /** The cells as a table named {@code name}. */
    Table table(String name) {
        Table t = Table.create(name);
        cells.forEach((column, values) -> {
            while (values.size() < rows) {
                values.add(NullNode.instance);
            }
            t.addColumns(column(column, values));
        });
        return t;
    }

    private static Column<?> column(String name, List<JsonNode> values) {
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
        if (numbers && !text && integral) {
            LongColumn c = LongColumn.create(name);
            values.forEach(v -> {
                if (v.isNull()) {
                    c.appendMissing();
                } else {
                    c.append(v.longValue());
                }
            });
            return c;
        }
        if (numbers && !text) {
            DoubleColumn c = DoubleColumn.create(name);
            values.forEach(v -> {
                if (v.isNull()) {
                    c.appendMissing();
                } else {
                    c.append(v.doubleValue());
                }
            });
            return c;
        }
        StringColumn c = StringColumn.create(name);
        values.forEach(v -> {
            if (v.isNull()) {
                c.appendMissing();
            } else {
                c.append(v.asText());
            }
        });
        return c;
    }
}
