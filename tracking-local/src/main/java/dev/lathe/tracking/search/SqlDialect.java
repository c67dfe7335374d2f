package dev.lathe.tracking.search;

import java.util.List;

/**
 * The SQL engines the search statements are written for, and the few places their SQL differs: index
 * hints (SQLite's {@code INDEXED BY}; PostgreSQL's planner takes none) and MLflow's case-sensitive
 * {@code LIKE} without an escape character (SQLite's {@code GLOB}; PostgreSQL's {@code LIKE ... ESCAPE ''}),
 * and the order of a param's or tag's text values (whole on SQLite; on PostgreSQL, whose B-tree rows are
 * bounded, by an indexed prefix of {@value #ORDER_PREFIX} characters, then the whole value).
 */
public enum SqlDialect {
    SQLITE,
    POSTGRESQL;

    /** Characters of a param or tag value that PostgreSQL's value-order indexes hold. */
    public static final int ORDER_PREFIX = 200;

    /**
     * ORDER BY terms that sort text {@code column} in {@code direction} (ASC or DESC) byte-wise, in the
     * form the engine's value-order index provides: the prefix order agrees with the whole value's, so
     * ordering by the prefix and then the whole value is ordering by the value.
     */
    String textOrder(String column, String direction) {
        if (this == SQLITE) {
            return column + " " + direction;
        }
        return "left(" + column + ", " + ORDER_PREFIX + ") " + direction + ", " + column + " " + direction;
    }

    /** The hint after a table alias that makes the engine probe {@code index}, or nothing. */
    String indexedBy(String index) {
        return this == SQLITE ? " INDEXED BY " + index : "";
    }

    /** {@code column} matches the MLflow LIKE {@code pattern} (case-sensitive, no escape character). */
    String like(String column, String pattern, List<Object> bindings) {
        if (this == SQLITE) {
            bindings.add(SqlPredicates.likeToGlob(pattern));
            return column + " GLOB ?";
        }
        bindings.add(pattern);
        return column + " LIKE ? ESCAPE ''";
    }

    /** {@code column} matches the MLflow ILIKE {@code pattern} (case-insensitive, no escape character). */
    String ilike(String column, String pattern, List<Object> bindings) {
        bindings.add(pattern);
        return "lower(" + column + ") LIKE lower(?)" + (this == SQLITE ? "" : " ESCAPE ''");
    }
}
