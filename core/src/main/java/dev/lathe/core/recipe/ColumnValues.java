package dev.lathe.core.recipe;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw columns held as plain arrays (whole numbers, other numbers, text or timestamps), the input of
 * scoring a request or an embedded row without building a Tablesaw table: a recipe reads them exactly
 * as it reads a table whose columns have these types ({@code RecipeRowPathTest} holds it to that), with
 * the table's missing values: null, and as Tablesaw marks them, {@link Long#MIN_VALUE}, NaN and empty
 * text.
 */
public final class ColumnValues {
    private final String name;
    private final int rows;
    private final Map<String, Object> columns = new LinkedHashMap<>();

    /** Empty columns of {@code rows} rows; {@code name} names them in messages, as a table's name does. */
    public ColumnValues(String name, int rows) {
        this.name = name;
        this.rows = rows;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    /** A column of whole numbers ({@code missing[r]}: row r is missing). */
    public ColumnValues longs(String column, long[] values, boolean[] missing) {
        return add(column, new LongValues(values, missing), values.length);
    }

    /** A column of numbers (NaN: missing). */
    public ColumnValues doubles(String column, double[] values) {
        return add(column, values, values.length);
    }

    /** A column of text (null or empty: missing). */
    public ColumnValues texts(String column, String[] values) {
        return add(column, values, values.length);
    }

    /**
     * A column of timestamps (null: missing), kept to the millisecond as a Tablesaw timestamp column
     * keeps them.
     */
    public ColumnValues times(String column, LocalDateTime[] values) {
        LocalDateTime[] millis = new LocalDateTime[values.length];
        for (int r = 0; r < values.length; r++) {
            millis[r] = values[r] == null ? null : values[r].truncatedTo(ChronoUnit.MILLIS);
        }
        return add(column, new TimeValues(millis), values.length);
    }

    /**
     * One row given as column name -> value, typed as a file's columns are: whole numbers (Long,
     * Integer, Short, Byte) as longs, other numbers as doubles, {@link LocalDateTime} as timestamps,
     * anything else as its text, null as missing; {@code name} names the row in messages.
     */
    public static ColumnValues ofRow(String name, Map<String, ?> row) {
        ColumnValues out = new ColumnValues(name, 1);
        row.forEach((column, value) -> {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                out.longs(column, new long[] {((Number) value).longValue()}, new boolean[1]);
            } else if (value instanceof Number n) {
                out.doubles(column, new double[] {n.doubleValue()});
            } else if (value instanceof LocalDateTime time) {
                out.times(column, new LocalDateTime[] {time});
            } else {
                out.texts(column, new String[] {value == null ? null : value.toString()});
            }
        });
        return out;
    }

    private ColumnValues add(String column, Object values, int length) {
        dev.lathe.core.LatheException.check(
                length == rows, "column '%s' of %s has %d values, expected %d", column, name, length, rows);
        dev.lathe.core.LatheException.check(
                columns.putIfAbsent(column, values) == null, "%s has column '%s' twice", name, column);
        return this;
    }

    InputColumns input() {
        return new InputColumns() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public boolean has(String column) {
                return columns.containsKey(column);
            }

            @Override
            public Cells cells(String column, String source) {
                return ValueCells.of(column, columns.get(column), source);
            }

            @Override
            public List<String> names() {
                return ColumnValues.this.names();
            }
        };
    }

    /** Timestamps (null: missing), to the millisecond. */
    record TimeValues(LocalDateTime[] values) {}

    /** Whole numbers and which of them are missing. */
    record LongValues(long[] values, boolean[] missing) {
        boolean isMissing(int row) {
            return missing[row] || values[row] == Long.MIN_VALUE;
        }
    }
}
