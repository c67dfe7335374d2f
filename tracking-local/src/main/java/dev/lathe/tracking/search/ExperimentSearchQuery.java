package dev.lathe.tracking.search;

import dev.lathe.core.tracking.ViewType;
import java.util.List;
import java.util.Objects;

/**
 * Builds the SQL for MLflow's {@code search_experiments}: filters on {@code name},
 * {@code creation_time}, {@code last_update_time} and {@code tags.<key>}; selects {@code experiment_id}.
 * Default order is {@code creation_time DESC, experiment_id ASC}; any other order gets
 * {@code experiment_id DESC} appended as tiebreak unless experiment_id is already ordered on (MLflow).
 */
public final class ExperimentSearchQuery {
    private static final SearchGrammar GRAMMAR = SearchGrammar.experiments();

    private ExperimentSearchQuery() {}

    /**
     * The query selecting the {@code experiment_id}s of one page.
     *
     * @param filter MLflow filter, null or blank for none
     * @param orderBy order-by clauses, null or empty for the default
     * @param viewType lifecycle stages to include
     * @param maxResults page size, null for the default 1000; at most 50000
     * @param pageToken token of the previous page, null for the first
     */
    public static SqlQuery build(
            String filter, List<String> orderBy, ViewType viewType, Integer maxResults, String pageToken) {
        return build(SqlDialect.SQLITE, filter, orderBy, viewType, maxResults, pageToken);
    }

    /** As {@link #build(String, List, ViewType, Integer, String)}, in {@code dialect}'s SQL. */
    public static SqlQuery build(
            SqlDialect dialect,
            String filter,
            List<String> orderBy,
            ViewType viewType,
            Integer maxResults,
            String pageToken) {
        Objects.requireNonNull(viewType, "viewType");
        int limit = ResultLimit.EXPERIMENTS.resolve(maxResults);
        int offset = PageToken.decode(pageToken);
        List<FilterClause> clauses = FilterParser.parse(GRAMMAR, filter);
        OrderByParser orderParser = new OrderByParser(GRAMMAR);
        List<OrderTerm> terms = orderParser.parseAll(
                orderBy == null || orderBy.isEmpty() ? List.of("creation_time DESC", "experiment_id ASC") : orderBy);

        SqlBuilder sql = new SqlBuilder("SELECT e.experiment_id FROM experiments e");
        sql.whereIn("e.lifecycle_stage", viewType.lifecycleStages());
        for (FilterClause clause : clauses) {
            List<Object> bindings = sql.whereBindings();
            if (clause.entity() == EntityType.TAG) {
                bindings.add(clause.key());
                sql.where("EXISTS (SELECT 1 FROM experiment_tags f WHERE f.experiment_id = e.experiment_id"
                        + " AND f.key = ? AND "
                        + SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings)
                        + ")");
            } else {
                sql.where(SqlPredicates.compare(dialect, "e." + clause.key(), clause.op(), clause.value(), bindings));
            }
        }
        boolean idOrdered = false;
        for (OrderTerm term : terms) {
            idOrdered |= term.key().equals("experiment_id");
            sql.orderBy("e." + term.key() + " " + SqlPredicates.direction(term.ascending()));
        }
        if (!idOrdered) {
            sql.orderBy("e.experiment_id DESC");
        }
        return sql.build(offset, limit);
    }
}
