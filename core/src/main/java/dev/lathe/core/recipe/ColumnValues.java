package dev.lathe.core.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw columns held as plain arrays (whole numbers, other numbers or text), the input of scoring a
 * request without building a Tablesaw table: a recipe reads them exactly as it reads a table whose
 * columns have these types ({@code RecipeRowPathTest} holds it to that), with the table's missing
 * values: null, and as Tablesaw marks them, {@link Long#MIN_VALUE}, NaN and empty text.
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

    /** Whole numbers and which of them are missing. */
    record LongValues(long[] values, boolean[] missing) {
        boolean isMissing(int row) {
            return missing[row] || values[row] == Long.MIN_VALUE;
        }
    }
}
