package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Converts table cells to the recipe's categorical strings and numerical doubles, the way pandas'
 * {@code astype(str)} does for ids: integers and integral doubles print without a fraction ("166", not
 * "166.0"), missing values print as "nan".
 */
final class CellValues {
    static final String MISSING = "nan";

    private CellValues() {}

    static String categorical(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return MISSING;
        }
        if (column instanceof StringColumn s) {
            return s.get(row);
        }
        if (column instanceof NumericColumn<?> n) {
            return formatNumber(n.getDouble(row));
        }
        return String.valueOf(column.get(row));
    }

    /** NaN when missing; fails on text that is not a number, naming source, column, row and value. */
    static double numerical(Column<?> column, int row, String source) {
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        if (column instanceof NumericColumn<?> n) {
            return n.getDouble(row);
        }
        return parse(column.getString(row), source, column.name(), row);
    }

    static double parse(String text, String source, String column, int row) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new DataException(
                    source + ": column '" + column + "', " + where(row) + ": '" + text + "' is not a number", e);
        }
    }

    /** "data row 3" (1-based, as a user counts the rows under the header). */
    static String where(int row) {
        return "data row " + (row + 1);
    }

    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
