package dev.lathe.core.recipe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A condition every kept row satisfies; rows that fail it are removed and counted under its
 * {@link #label()} in the {@link PrepReport}. A missing value never satisfies a comparison. Written as
 * text in the grammar {@value #GRAMMAR}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RowFilter.Compare.class, name = "compare"),
    @JsonSubTypes.Type(value = RowFilter.Between.class, name = "between"),
    @JsonSubTypes.Type(value = RowFilter.Present.class, name = "present")
})
public sealed interface RowFilter {
    /** The filter grammar, for help texts and error messages. */
    String GRAMMAR = "COLUMN OP NUMBER (OP: > >= < <= == !=), COLUMN between LOW and HIGH (inclusive),"
            + " or COLUMN is not null";

    /** What the report counts removed rows under, e.g. "duration < 1 min". */
    String label();

    /** The columns (raw or derived) the filter reads. */
    List<String> columns();

    /** The kept condition in the filter grammar, e.g. "fare_amount > 0". */
    String expression();

    /** Keeps rows where {@code column op value}; labelled "not EXPRESSION" unless a label is given. */
    record Compare(String label, String column, Comparison op, double value) implements RowFilter {
        public Compare {
            RecipeChecks.name(column, "filter column");
            LatheException.check(op != null, "filter on '%s' needs a comparison", column);
            LatheException.check(Double.isFinite(value), "filter on '%s': bound must be finite, got %s", column, value);
            label = label != null ? label : "not " + column + " " + op.symbol() + " " + CellValues.formatNumber(value);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String expression() {
            return column + " " + op.symbol() + " " + CellValues.formatNumber(value);
        }
    }

    /** Keeps rows where {@code low <= column <= high}. */
    record Between(String label, String column, double low, double high) implements RowFilter {
        public Between {
            RecipeChecks.name(column, "filter column");
            LatheException.check(
                    Double.isFinite(low) && Double.isFinite(high) && low <= high,
                    "filter on '%s': between needs finite LOW <= HIGH, got %s and %s",
                    column,
                    low,
                    high);
            label = label != null
                    ? label
                    : "not " + column + " between " + CellValues.formatNumber(low) + " and "
                            + CellValues.formatNumber(high);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String expression() {
            return column + " between " + CellValues.formatNumber(low) + " and " + CellValues.formatNumber(high);
        }
    }

    /** Keeps rows where none of {@code columns} is missing; labelled "missing A or B" unless a label is given. */
    record Present(String label, List<String> columns) implements RowFilter {
        public Present {
            LatheException.check(columns != null && !columns.isEmpty(), "a 'present' filter needs at least one column");
            columns = List.copyOf(columns);
            columns.forEach(c -> RecipeChecks.name(c, "filter column"));
            label = label != null ? label : "missing " + String.join(" or ", columns);
        }

        @Override
        public String expression() {
            return String.join(
                    " and ", columns.stream().map(c -> c + " is not null").toList());
        }
    }

    /** {@code column op value} with the default label. */
    static RowFilter compare(String column, Comparison op, double value) {
        return new Compare(null, column, op, value);
    }

    /** Parses one filter of the grammar {@value #GRAMMAR}, e.g. {@code trip_distance between 0 and 100}. */
    static RowFilter parse(String text) {
        LatheException.check(text != null && !text.isBlank(), "a filter must not be blank; expected %s", GRAMMAR);
        String t = text.trim();
        Matcher between = Grammar.BETWEEN.matcher(t);
        if (between.matches()) {
            return new Between(null, between.group(1), number(between.group(2), t), number(between.group(3), t));
        }
        Matcher present = Grammar.PRESENT.matcher(t);
        if (present.matches()) {
            return new Present(null, List.of(present.group(1)));
        }
        Matcher compare = Grammar.COMPARE.matcher(t);
        if (compare.matches()) {
            return compare(compare.group(1), Comparison.of(compare.group(2)), number(compare.group(3), t));
        }
        throw new InvalidParameterException("filter '" + t + "' is not understood; expected " + GRAMMAR);
    }

    private static double number(String text, String filter) {
        try {
            double v = Double.parseDouble(text);
            LatheException.check(Double.isFinite(v), "filter '%s': '%s' is not a finite number", filter, text);
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("filter '" + filter + "': '" + text + "' is not a number", e);
        }
    }
}
