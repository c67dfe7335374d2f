package dev.lathe.core.recipe;

import java.time.LocalDateTime;
import java.util.Map;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One row given as column name -> value, as a one-row table, so that a single row is read exactly as
 * a file's rows are: whole numbers as longs, other numbers as doubles, timestamps, anything else (and
 * null, as missing) as text.
 */
final class RowTable {
    /** How messages name a single row's source. */
    static final String SOURCE = "row";

    private RowTable() {}

    static Table of(Map<String, ?> row) {
        Table t = Table.create(SOURCE);
        row.forEach((name, value) -> t.addColumns(column(name, value)));
        return t;
    }

    private static Column<?> column(String name, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LongColumn.create(name, new long[] {((Number) value).longValue()});
        }
        if (value instanceof Number n) {
            return DoubleColumn.create(name, new double[] {n.doubleValue()});
        }
        if (value instanceof LocalDateTime time) {
            DateTimeColumn c = DateTimeColumn.create(name);
            c.append(time);
            return c;
        }
        StringColumn c = StringColumn.create(name);
        if (value == null) {
            c.appendMissing();
        } else {
            c.append(value.toString());
        }
        return c;
    }
}
