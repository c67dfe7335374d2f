package dev.lathe.tracking.search;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the SQL for MLflow's {@code search_runs} over the MLflow schema: selects {@code run_uuid}
 * from {@code runs r} in the requested order, with every filter clause pushed into SQL (EXISTS
 * sub-queries on {@code latest_metrics}, {@code params}, {@code tags}, {@code inputs}/{@code datasets}).
 *
 * <p>Ordering follows MLflow: each order term sorts present values first (for metrics NaN values
 * next, then missing ones) in either direction, then {@code start_time DESC} unless start_time was
 * ordered on, then {@code run_uuid} as tiebreak. Metric filters never match a NaN value except with
 * {@code !=} (NaN differs from every number), matching MLflow's in-memory comparison. An ordered search
 * is a UNION ALL of the first term's segments ({@link RunOrder}) so that SQLite walks an index in order
 * and stops after the page, whatever the number of runs.
 */
public final class RunSearchQuery {
    /** Tag holding the run name; MLflow filters {@code attributes.run_name} through it. */
    public static final String RUN_NAME_TAG = "mlflow.runName";
    /** Input tag holding a dataset's context (training, validation...). */
    public static final String DATASET_CONTEXT_TAG = "mlflow.data.context";

    /**
     * The covering {@code (run_uuid, key, value, ...)} indexes that filter clauses probe, one lookup per
     * candidate run (SQLite would otherwise pick the {@code (key, run_uuid)} primary key and read the row).
     */
    public static final String METRICS_BY_RUN = "index_latest_metrics_run";

    /** As {@link #METRICS_BY_RUN}, for params. */
    public static final String PARAMS_BY_RUN = "index_params_run";

    /** As {@link #METRICS_BY_RUN}, for tags. */
    public static final String TAGS_BY_RUN = "index_tags_run";

    /**
     * The SQL function (registered on every connection by the store) that turns a stored artifact
     * location, recorded relative to the store, into the absolute path the API returns: filters and
     * orders on {@code artifact_uri} see what callers see, wherever the store has moved.
     */
    public static final String ABSOLUTE_LOCATION_FUNCTION = "lathe_absolute_location";

    /** Searches ordered on a value walk its index when the experiments hold at least this many runs. */
    public static final int WALK_FROM_RUNS = 5_000;

    private static final SearchGrammar GRAMMAR = SearchGrammar.runs();

    private RunSearchQuery() {}

    /**
     * The query selecting the {@code run_uuid}s of one page.
     *
     * @param experimentIds experiments to search, non-empty
     * @param filter MLflow filter string, null or blank for none
     * @param orderBy order-by clauses, null or empty for the default order
     * @param viewType which lifecycle stages to include
     * @param maxResults page size, null for the default 1000; at most 50000
     * @param pageToken token from the previous page, null for the first page
     */
    public static SqlQuery build(
            List<Long> experimentIds,
            String filter,
            List<String> orderBy,
            ViewType viewType,
            Integer maxResults,
            String pageToken) {
        return build(experimentIds, filter, orderBy, viewType, maxResults, pageToken, WALK_FROM_RUNS);
    }

    /**
     * As {@link #build(List, String, List, ViewType, Integer, String)}, walking an index in order when
     * the experiments hold at least {@code walkFromRuns} runs (0: always; tests compare both plans).
     */
    public static SqlQuery build(
            List<Long> experimentIds,
            String filter,
            List<String> orderBy,
            ViewType viewType,
            Integer maxResults,
            String pageToken,
            int walkFromRuns) {
        return build(SqlDialect.SQLITE, experimentIds, filter, orderBy, viewType, maxResults, pageToken, walkFromRuns);
    }

    /**
     * As {@link #build(List, String, List, ViewType, Integer, String, int)}, in {@code dialect}'s SQL.
     */
    public static SqlQuery build(
            SqlDialect dialect,
            List<Long> experimentIds,
            String filter,
            List<String> orderBy,
            ViewType viewType,
            Integer maxResults,
            String pageToken,
            int walkFromRuns) {
        LatheException.check(
                experimentIds != null && !experimentIds.isEmpty(),
                "experimentIds must name at least one experiment, got %s",
                experimentIds);
        Objects.requireNonNull(viewType, "viewType");
        int limit = ResultLimit.RUNS.resolve(maxResults);
        int offset = PageToken.decode(pageToken);
        List<FilterClause> clauses = FilterParser.parse(GRAMMAR, filter);
        List<OrderTerm> terms = new OrderByParser(GRAMMAR).parseAll(orderBy);

        SqlBuilder sorted = new SqlBuilder("SELECT r.run_uuid FROM runs r");
        if (terms.isEmpty()) {
            scope(dialect, sorted, experimentIds, viewType, clauses);
            RunOrder.addTieBreaks(sorted, terms, 0);
            return sorted.build(offset, limit);
        }
        // Walking an index visits the order key's rows of every experiment: worth it only when the
        // searched experiments hold many runs; a small experiment sorts its own runs instead. The
        // uncorrelated guard is computed once and SQLite skips the arms whose guard is false.
        List<SqlBuilder> arms = new ArrayList<>();
        for (RunOrder.Segment segment : RunOrder.segments(dialect, terms.get(0))) {
            SqlBuilder sql = new SqlBuilder("SELECT r.run_uuid FROM " + segment.from());
            guard(sql, experimentIds, ">=", walkFromRuns);
            segment.addTo(sql);
            scope(dialect, sql, experimentIds, viewType, clauses);
            RunOrder.addTieBreaks(sql, terms, 1);
            arms.add(sql);
        }
        guard(sorted, experimentIds, "<", walkFromRuns);
        scope(dialect, sorted, experimentIds, viewType, clauses);
        RunOrder.addTieBreaks(sorted, terms, 0);
        arms.add(sorted);
        return SqlBuilder.unionAll("run_uuid", arms, offset, limit);
    }

    /** {@code (runs in the experiments, counted up to walkFromRuns) <op> walkFromRuns}. */
    private static void guard(SqlBuilder sql, List<Long> experimentIds, String op, int walkFromRuns) {
        StringBuilder marks = new StringBuilder();
        for (Long id : experimentIds) {
            marks.append(marks.length() == 0 ? "?" : ", ?");
            sql.whereBindings().add(id);
        }
        sql.whereBindings().add(walkFromRuns);
        sql.whereBindings().add(walkFromRuns);
        sql.where("(SELECT COUNT(*) FROM (SELECT 1 FROM runs g WHERE g.experiment_id IN (" + marks + ") LIMIT ?) AS c) "
                + op + " ?");
    }

    /** Restricts {@code sql} (alias {@code r}) to the experiments, lifecycle stages and filter clauses. */
    private static void scope(
            SqlDialect dialect,
            SqlBuilder sql,
            List<Long> experimentIds,
            ViewType viewType,
            List<FilterClause> clauses) {
        sql.whereIn("r.experiment_id", experimentIds);
        sql.whereIn("r.lifecycle_stage", viewType.lifecycleStages());
        for (FilterClause clause : clauses) {
            sql.where(condition(dialect, clause, sql.whereBindings()));
        }
    }

    /** The SQL condition (on alias {@code r}) for one clause. */
    static String condition(FilterClause clause, List<Object> bindings) {
        return condition(SqlDialect.SQLITE, clause, bindings);
    }

    /** As {@link #condition(FilterClause, List)}, in {@code dialect}'s SQL. */
    static String condition(SqlDialect dialect, FilterClause clause, List<Object> bindings) {
        return switch (clause.entity()) {
            case ATTRIBUTE -> attributeCondition(dialect, clause, bindings);
            case METRIC -> metricCondition(dialect, clause, bindings);
            case PARAM -> keyValueCondition(dialect, "params", PARAMS_BY_RUN, clause, bindings);
            case TAG -> keyValueCondition(dialect, "tags", TAGS_BY_RUN, clause, bindings);
            case DATASET -> datasetCondition(dialect, clause, bindings);
        };
    }

    private static String attributeCondition(SqlDialect dialect, FilterClause clause, List<Object> bindings) {
        if (clause.key().equals("run_name")) {
            bindings.add(RUN_NAME_TAG);
            return "EXISTS (SELECT 1 FROM tags f" + dialect.indexedBy(TAGS_BY_RUN)
                    + " WHERE f.run_uuid = r.run_uuid AND f.key = ? AND "
                    + SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings) + ")";
        }
        return SqlPredicates.compare(dialect, runColumn(clause.key()), clause.op(), clause.value(), bindings);
    }

    /** One lookup per candidate run in {@link #METRICS_BY_RUN}, never a range scan of the value-ordered index. */
    private static String metricCondition(SqlDialect dialect, FilterClause clause, List<Object> bindings) {
        bindings.add(clause.key());
        String valueTest = SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings);
        String nanTest =
                clause.op() == CompareOp.NE ? "(f.is_nan = 1 OR " + valueTest + ")" : "f.is_nan = 0 AND " + valueTest;
        return "EXISTS (SELECT 1 FROM latest_metrics f" + dialect.indexedBy(METRICS_BY_RUN)
                + " WHERE f.run_uuid = r.run_uuid AND f.key = ? AND " + nanTest + ")";
    }

    private static String keyValueCondition(
            SqlDialect dialect, String table, String byRun, FilterClause clause, List<Object> bindings) {
        bindings.add(clause.key());
        String exists = "EXISTS (SELECT 1 FROM " + table + " f" + dialect.indexedBy(byRun)
                + " WHERE f.run_uuid = r.run_uuid AND f.key = ?";
        return switch (clause.op()) {
            case IS_NULL -> "NOT " + exists + ")";
            case IS_NOT_NULL -> exists + ")";
            default -> exists + " AND "
                    + SqlPredicates.compare(dialect, "f.value", clause.op(), clause.value(), bindings) + ")";
        };
    }

    private static String datasetCondition(SqlDialect dialect, FilterClause clause, List<Object> bindings) {
        String from = "EXISTS (SELECT 1 FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id";
        String where = " WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'"
                + " AND i.destination_id = r.run_uuid AND ";
        if (clause.key().equals("context")) {
            bindings.add(DATASET_CONTEXT_TAG);
            return from + " JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = ?" + where
                    + SqlPredicates.compare(dialect, "t.value", clause.op(), clause.value(), bindings) + ")";
        }
        String column = clause.key().equals("name") ? "d.name" : "d.digest";
        return from + where + SqlPredicates.compare(dialect, column, clause.op(), clause.value(), bindings) + ")";
    }

    /** The {@code runs} column for a canonical attribute key. */
    static String runColumn(String key) {
        return switch (key) {
            case "run_id" -> "r.run_uuid";
            case "run_name" -> "r.name";
            case "artifact_uri" -> ABSOLUTE_LOCATION_FUNCTION + "(r.artifact_uri)";
            case "status", "user_id", "start_time", "end_time" -> "r." + key;
            default -> throw new LatheException("No runs column for attribute '" + key + "'");
        };
    }

    /** The parsed clauses of {@code filter} under the runs grammar (for callers that inspect them). */
    public static List<FilterClause> parseFilter(String filter) {
        return FilterParser.parse(GRAMMAR, filter);
    }
}
