package dev.lathe.tracking.search;

import java.util.List;
import java.util.StringJoiner;

/**
 * Translates one comparator and value into a condition on a column, appending the bindings.
 * In SQLite, LIKE is made case-sensitive by translating the pattern to GLOB ({@code %}&rarr;{@code *},
 * {@code _}&rarr;{@code ?}, GLOB metacharacters bracketed); ILIKE compares {@code lower()} of both
 * sides; see {@link SqlDialect} for PostgreSQL.
 */
final class SqlPredicates {
    private SqlPredicates() {}

    /** The condition {@code column <op> value}; for IS NULL / IS NOT NULL the column test alone. */
    static String compare(String column, CompareOp op, FilterValue value, List<Object> bindings) {
        return compare(SqlDialect.SQLITE, column, op, value, bindings);
    }

    /** As {@link #compare(String, CompareOp, FilterValue, List)}, in {@code dialect}'s SQL. */
    static String compare(SqlDialect dialect, String column, CompareOp op, FilterValue value, List<Object> bindings) {
        switch (op) {
            case EQ, NE, LT, LE, GT, GE -> {
                bindings.add(scalar(value));
                return column + " " + op.symbol() + " ?";
            }
            case LIKE -> {
                return dialect.like(column, ((FilterValue.Text) value).value(), bindings);
            }
            case ILIKE -> {
                return dialect.ilike(column, ((FilterValue.Text) value).value(), bindings);
            }
            case IN, NOT_IN -> {
                StringJoiner marks = new StringJoiner(", ", column + (op == CompareOp.IN ? " IN (" : " NOT IN ("), ")");
                for (String v : ((FilterValue.TextList) value).values()) {
                    marks.add("?");
                    bindings.add(v);
                }
                return marks.toString();
            }
            case IS_NULL -> {
                return column + " IS NULL";
            }
            case IS_NOT_NULL -> {
                return column + " IS NOT NULL";
            }
            default -> throw new IllegalStateException("unhandled comparator " + op);
        }
    }

    /** The binding for a scalar value: a String, Long or Double. */
    static Object scalar(FilterValue value) {
        if (value instanceof FilterValue.Text text) {
            return text.value();
        }
        if (value instanceof FilterValue.Number number) {
            return number.binding();
        }
        throw new IllegalArgumentException("expected a scalar value, got " + value);
    }

    /** Translates an SQL LIKE pattern (no escape character, as MLflow) to an equivalent GLOB pattern. */
    static String likeToGlob(String like) {
        StringBuilder glob = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            switch (c) {
                case '%' -> glob.append('*');
                case '_' -> glob.append('?');
                case '*' -> glob.append("[*]");
                case '?' -> glob.append("[?]");
                case '[' -> glob.append("[[]");
                default -> glob.append(c);
            }
        }
        return glob.toString();
    }

    /** {@code CASE WHEN expr IS NULL THEN 1 ELSE 0 END}: sorts missing values last in either direction. */
    static String nullsLast(String expr) {
        return "CASE WHEN " + expr + " IS NULL THEN 1 ELSE 0 END";
    }

    static String direction(boolean ascending) {
        return ascending ? "ASC" : "DESC";
    }
}
