package dev.lathe.tracking.search;

import java.util.List;

/**
 * Builds the SQL for MLflow's {@code search_model_versions}: filters on {@code name},
 * {@code version_number}, {@code run_id} (also {@code IN (...)}), {@code source_path} and
 * {@code tags.<key>}; skips versions in stage {@code Deleted_Internal}; orders by the given terms then
 * {@code name ASC, version DESC}; selects {@code name, version}.
 */
public final class ModelVersionSearchQuery {
    /** The stage MLflow gives soft-deleted model versions. */
    public static final String DELETED_STAGE = "Deleted_Internal";

    private static final SearchGrammar GRAMMAR = SearchGrammar.modelVersions();

    private ModelVersionSearchQuery() {}

    /**
     * The query selecting {@code (name, version)} of the model versions of one page.
     *
     * @param maxResults page size, null for the default 10000; at most 200000
     */
    public static SqlQuery build(String filter, List<String> orderBy, Integer maxResults, String pageToken) {
        return build(SqlDialect.SQLITE, filter, orderBy, maxResults, pageToken);
    }

    /** As {@link #build(String, List, Integer, String)}, in {@code dialect}'s SQL. */
    public static SqlQuery build(
            SqlDialect dialect, String filter, List<String> orderBy, Integer maxResults, String pageToken) {
        int limit = ResultLimit.MODEL_VERSIONS.resolve(maxResults);
        int offset = PageToken.decode(pageToken);
        List<FilterClause> clauses = FilterParser.parse(GRAMMAR, filter);
        List<OrderTerm> terms = new OrderByParser(GRAMMAR).parseAll(orderBy);

        SqlBuilder sql = new SqlBuilder("SELECT v.name, v.version FROM model_versions v");
        sql.whereBindings().add(DELETED_STAGE);
        sql.where("v.current_stage IS DISTINCT FROM ?");
        for (FilterClause clause : clauses) {
            List<Object> bindings = sql.whereBindings();
            if (clause.entity() == EntityType.TAG) {
                bindings.add(clause.key());
                sql.where("EXISTS (SELECT 1 FROM model_version_tags f WHERE f.name = v.name"
                        + " AND f.version = v.version AND f.key = ? AND "
                        + SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings) + ")");
            } else {
                sql.where(SqlPredicates.compare(dialect, column(clause.key()), clause.op(), clause.value(), bindings));
            }
        }
        boolean nameOrdered = false;
        boolean versionOrdered = false;
        for (OrderTerm term : terms) {
            nameOrdered |= term.key().equals("name");
            versionOrdered |= term.key().equals("version_number");
            sql.orderBy(column(term.key()) + " " + SqlPredicates.direction(term.ascending()));
        }
        if (!nameOrdered) {
            sql.orderBy("v.name ASC");
        }
        if (!versionOrdered) {
            sql.orderBy("v.version DESC");
        }
        return sql.build(offset, limit);
    }

    private static String column(String key) {
        return switch (key) {
            case "version_number" -> "v.version";
            case "run_id" -> "v.run_id";
            case "source_path" -> "v.source";
            case "creation_timestamp" -> "v.creation_time";
            case "last_updated_timestamp" -> "v.last_updated_time";
            default -> "v.name";
        };
    }
}
