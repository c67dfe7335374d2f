package dev.lathe.tracking.search;

import java.util.List;

/**
 * The SQL engines the search statements are written for, and the few places their SQL differs: index
 * hints (SQLite's {@code INDEXED BY}; PostgreSQL's planner takes none) and MLflow's case-sensitive
 * {@code LIKE} without an escape character (SQLite's {@code GLOB}; PostgreSQL's {@code LIKE ... ESCAPE ''}).
 */
public enum SqlDialect {
    SQLITE,
    POSTGRESQL;

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
