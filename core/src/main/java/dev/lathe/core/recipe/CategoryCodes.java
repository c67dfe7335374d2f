package dev.lathe.core.recipe;

import dev.lathe.core.features.CategoricalColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Dictionary-encodes cells as their categorical text ({@link CellValues#categorical}) for every row of
 * a table: text columns through the strings the table already holds, numeric columns by value, joined
 * columns by code pairs; a string is built per distinct value, not per row.
 */
final class CategoryCodes {
    private CategoryCodes() {}

    /** Any cells, through their text: one string a row (the fallback for rare kinds). */
    static CategoricalColumn byText(Cells cells, int rows) {
        Map<String, Integer> seen = new HashMap<>();
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = code(seen, cells.text(r));
        }
        return CategoricalColumn.fromCodes(codes, dictionary(seen));
    }

    /** A column of the table as read. */
    static CategoricalColumn of(Column<?> column) {
        if (column instanceof NumericColumn<?> n) {
            return numbers(n);
        }
        Map<String, Integer> seen = new HashMap<>();
        int rows = column.size();
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = code(seen, CellValues.categorical(column, r));
        }
        return CategoricalColumn.fromCodes(codes, dictionary(seen));
    }

    /** {@code parts} (of equal length) joined row by row with {@code separator}, e.g. "166_143". */
    static CategoricalColumn joined(List<CategoricalColumn> parts, String separator) {
        CategoricalColumn acc = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            CategoricalColumn next = parts.get(p);
            long width = next.distinct();
            LongCodes pairs = new LongCodes();
            int[] codes = new int[acc.rows()];
            for (int r = 0; r < codes.length; r++) {
                codes[r] = pairs.codeOf(acc.code(r) * width + next.code(r));
            }
            List<String> left = acc.dictionary();
            List<String> right = next.dictionary();
            String[] dictionary = new String[pairs.size()];
            for (int c = 0; c < dictionary.length; c++) {
                long key = pairs.key(c);
                dictionary[c] = left.get((int) (key / width)) + separator + right.get((int) (key % width));
            }
            acc = CategoricalColumn.fromCodes(codes, dictionary);
        }
        return acc;
    }

    private static CategoricalColumn numbers(NumericColumn<?> column) {
        int rows = column.size();
        int[] codes = new int[rows];
        LongCodes values = new LongCodes();
        int missing = -1;
        for (int r = 0; r < rows; r++) {
            if (column.isMissing(r)) {
                if (missing < 0) {
                    missing = values.size();
                    values.codeOf(Double.doubleToLongBits(Double.NaN));
                }
                codes[r] = missing;
            } else {
                codes[r] = values.codeOf(Double.doubleToLongBits(column.getDouble(r)));
            }
        }
        String[] dictionary = new String[values.size()];
        for (int c = 0; c < dictionary.length; c++) {
            dictionary[c] =
                    c == missing ? CellValues.MISSING : CellValues.formatNumber(Double.longBitsToDouble(values.key(c)));
        }
        return CategoricalColumn.fromCodes(codes, dictionary);
    }

    private static int code(Map<String, Integer> seen, String value) {
        Integer c = seen.putIfAbsent(value, seen.size());
        return c == null ? seen.size() - 1 : c;
    }

    private static String[] dictionary(Map<String, Integer> seen) {
        String[] out = new String[seen.size()];
        seen.forEach((v, c) -> out[c] = v);
        return out;
    }
}
