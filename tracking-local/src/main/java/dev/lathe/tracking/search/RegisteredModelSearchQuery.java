package dev.lathe.tracking.search;

import java.util.List;

/**
 * Builds the SQL for MLflow's {@code search_registered_models}: filters on {@code name} and
 * {@code tags.<key>}; orders by {@code name}, {@code creation_timestamp},
 * {@code last_updated_timestamp}, always ending with {@code name ASC} as tiebreak; selects {@code name}.
 */
public final class RegisteredModelSearchQuery {
    private static final SearchGrammar GRAMMAR = SearchGrammar.registeredModels();

    private RegisteredModelSearchQuery() {}

    /**
     * The query selecting registered model {@code name}s of one page.
     *
     * @param maxResults page size, null for the default 100; at most 1000
     */
    public static SqlQuery build(String filter, List<String> orderBy, Integer maxResults, String pageToken) {
        return build(SqlDialect.SQLITE, filter, orderBy, maxResults, pageToken);
    }

    /** As {@link #build(String, List, Integer, String)}, in {@code dialect}'s SQL. */
    public static SqlQuery build(
            SqlDialect dialect, String filter, List<String> orderBy, Integer maxResults, String pageToken) {
        int limit = ResultLimit.REGISTERED_MODELS.resolve(maxResults);
        int offset = PageToken.decode(pageToken);
        List<FilterClause> clauses = FilterParser.parse(GRAMMAR, filter);
        List<OrderTerm> terms = new OrderByParser(GRAMMAR).parseAll(orderBy);

        SqlBuilder sql = new SqlBuilder("SELECT m.name FROM registered_models m");
        for (FilterClause clause : clauses) {
            List<Object> bindings = sql.whereBindings();
            if (clause.entity() == EntityType.TAG) {
                bindings.add(clause.key());
                sql.where("EXISTS (SELECT 1 FROM registered_model_tags f WHERE f.name = m.name AND f.key = ? AND "
                        + SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings) + ")");
            } else {
                sql.where(SqlPredicates.compare(dialect, "m.name", clause.op(), clause.value(), bindings));
            }
        }
        boolean nameOrdered = false;
        for (OrderTerm term : terms) {
            nameOrdered |= term.key().equals("name");
            sql.orderBy(column(term.key()) + " " + SqlPredicates.direction(term.ascending()));
        }
        if (!nameOrdered) {
            sql.orderBy("m.name ASC");
        }
        return sql.build(offset, limit);
    }

    private static String column(String key) {
        return switch (key) {
            case "creation_timestamp" -> "m.creation_time";
            case "last_updated_timestamp" -> "m.last_updated_time";
            default -> "m.name";
        };
    }
}
