package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ViewType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the SQL from {@link RunSearchQuery} on a real SQLite database holding six runs whose expected
 * results are worked out by hand in each test.
 *
 * <pre>
 * run exp start  stage   rmse   model  alpha  team  lr     dataset (name, digest, context)
 * r1  1   1000   active  5.0    Ridge  0.1    Core  0.01   green-2023-01 abc123 training
 * r2  1   2000   active  NaN    ridge  -      core  -      -
 * r3  1   3000   active  7.5    Lasso  -      -     -      green-2023-02 def456 validation
 * r4  1   3000   active  -      XGB    -      -     -      -
 * r5  1   4000   deleted 1.0    Ridge  -      -     -      -
 * r6  2   5000   active  2.0    Ridge  -      -     -      -
 * </pre>
 */
class RunSearchSqlTest {
    private SearchTestDb db;

    @BeforeEach
    void populate() throws SQLException {
        db = new SearchTestDb();
        db.run("r1", 1, "ridge-a", 1000, "active");
        db.run("r2", 1, "ridge-b", 2000, "active");
        db.run("r3", 1, "lasso-a", 3000, "active");
        db.run("r4", 1, "xgb-a", 3000, "active");
        db.run("r5", 1, "ridge-old", 4000, "deleted");
        db.run("r6", 2, "ridge-c", 5000, "active");
        db.metric("r1", "rmse", 5.0);
        db.metric("r2", "rmse", Double.NaN);
        db.metric("r3", "rmse", 7.5);
        db.metric("r5", "rmse", 1.0);
        db.metric("r6", "rmse", 2.0);
        db.param("r1", "model", "Ridge");
        db.param("r2", "model", "ridge");
        db.param("r3", "model", "Lasso");
        db.param("r4", "model", "XGB");
        db.param("r5", "model", "Ridge");
        db.param("r6", "model", "Ridge");
        db.param("r1", "alpha", "0.1");
        db.param("r1", "learning rate", "0.01");
        db.tag("r1", "team", "Core");
        db.tag("r2", "team", "core");
        db.dataset("r1", 1, "green-2023-01", "abc123", "training");
        db.dataset("r3", 1, "green-2023-02", "def456", "validation");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private List<String> search(String filter, String... orderBy) {
        return search(List.of(1L), filter, ViewType.ACTIVE_ONLY, orderBy);
    }

    private List<String> search(List<Long> experiments, String filter, ViewType view, String... orderBy) {
        SqlQuery q = RunSearchQuery.build(experiments, filter, List.of(orderBy), view, null, null);
        SearchPage<String> page = q.execute(db.connection, rs -> rs.getString(1));
        assertEquals(Optional.empty(), page.nextPageToken());
        return page.items();
    }

    @Test
    void defaultOrderIsStartTimeDescendingThenRunUuid() {
        assertEquals(List.of("r3", "r4", "r2", "r1"), search(null));
    }

    @Test
    void viewTypeAndExperimentIdsSelectRuns() {
        assertEquals(List.of("r5"), search(List.of(1L), "", ViewType.DELETED_ONLY));
        assertEquals(List.of("r5", "r3", "r4", "r2", "r1"), search(List.of(1L), "", ViewType.ALL));
        assertEquals(List.of("r6", "r3", "r4", "r2", "r1"), search(List.of(1L, 2L), "", ViewType.ACTIVE_ONLY));
    }

    @Test
    void metricOrderPutsNanBeforeMissingInBothDirections() {
        assertEquals(List.of("r3", "r1", "r2", "r4"), search("", "metrics.rmse DESC"));
        assertEquals(List.of("r1", "r3", "r2", "r4"), search("", "metrics.rmse ASC"));
        assertEquals(List.of("r1", "r3", "r2", "r4"), search("", "metric.rmse"));
    }

    @Test
    void paramAndTagOrderIsBinaryWithMissingLast() {
        // Binary collation: 'Lasso' < 'Ridge' < 'XGB' < 'ridge'.
        assertEquals(List.of("r3", "r1", "r4", "r2"), search("", "params.model"));
        // Missing team tags last, tied among themselves and broken by start_time DESC then run_uuid.
        assertEquals(List.of("r2", "r1", "r3", "r4"), search("", "tags.team DESC"));
        assertEquals(List.of("r1", "r2", "r3", "r4"), search("", "tags.team ASC"));
    }

    @Test
    void attributeOrderReplacesDefaultStartTime() {
        assertEquals(List.of("r1", "r2", "r3", "r4"), search("", "attributes.start_time ASC"));
        assertEquals(List.of("r1", "r2", "r3", "r4"), search("", "created ASC"));
        assertEquals(List.of("r3", "r1", "r2", "r4"), search("", "attributes.run_name"));
        // Two terms: model ascending then rmse; only r1/r5/r6 share a model but r5, r6 are filtered out.
        assertEquals(List.of("r3", "r1", "r4", "r2"), search("", "params.model", "metrics.rmse DESC"));
    }

    @Test
    void metricComparisonsNeverMatchNanExceptNotEqual() {
        assertEquals(List.of("r3", "r1"), search("metrics.rmse > 4"));
        assertEquals(List.of("r3"), search("metrics.rmse >= 7.5"));
        // r2 holds NaN, stored as value 0: it must not match "< 1" nor "= 0".
        assertEquals(List.of(), search("metrics.rmse < 1"));
        assertEquals(List.of(), search("metrics.rmse = 0"));
        assertEquals(List.of("r1"), search("metrics.rmse <= 5"));
        assertEquals(List.of("r1"), search("metrics.rmse = 5"));
        assertEquals(List.of("r3", "r2"), search("metrics.rmse != 5"));
        assertEquals(List.of("r3"), search("metrics.rmse > 5e0"));
    }

    @Test
    void likeIsCaseSensitiveAndIlikeIsNot() {
        assertEquals(List.of("r2"), search("params.model LIKE 'r%'"));
        assertEquals(List.of("r1"), search("params.model LIKE 'R%'"));
        assertEquals(List.of("r2", "r1"), search("params.model ILIKE 'r%'"));
        assertEquals(List.of("r2", "r1"), search("params.model LIKE '_idge'"));
        assertEquals(List.of("r1"), search("tags.team LIKE 'C%'"));
        assertEquals(List.of("r2", "r1"), search("tags.team ILIKE 'CORE'"));
        // LIKE is anchored: 'idge' alone matches nothing.
        assertEquals(List.of(), search("params.model LIKE 'idge'"));
    }

    @Test
    void equalityOnStringsIsCaseSensitive() {
        assertEquals(List.of("r1"), search("params.model = 'Ridge'"));
        assertEquals(List.of("r3", "r4", "r1"), search("params.model != 'ridge'"));
        assertEquals(List.of("r1"), search("tags.team = \"Core\""));
    }

    @Test
    void isNullAndIsNotNullOnParamsAndTags() {
        assertEquals(List.of("r3", "r4", "r2"), search("params.alpha IS NULL"));
        assertEquals(List.of("r1"), search("params.alpha IS NOT NULL"));
        assertEquals(List.of("r3", "r4"), search("tags.team is null"));
        assertEquals(List.of("r2", "r1"), search("tags.team IS NOT NULL"));
    }

    @Test
    void runIdInAndNotInLists() {
        assertEquals(List.of("r3", "r1"), search("attributes.run_id IN ('r1', 'r3', 'nope')"));
        assertEquals(List.of("r4", "r2"), search("attributes.run_id NOT IN ('r1','r3')"));
        assertEquals(List.of("r2"), search("run_id = 'r2'"));
    }

    @Test
    void attributesFilterOnRunColumnsAndRunNameTag() {
        assertEquals(List.of("r3", "r4", "r2"), search("attributes.start_time >= 2000"));
        assertEquals(List.of("r2", "r1"), search("attr.created < 3000"));
        assertEquals(List.of("r1"), search("attributes.\"run name\" = 'ridge-a'"));
        assertEquals(List.of("r2", "r1"), search("run.run_name LIKE 'ridge-%'"));
        assertEquals(List.of("r3", "r4", "r2", "r1"), search("attributes.status = 'FINISHED' AND user_id = 'alice'"));
        assertEquals(List.of(), search("attributes.end_time > 0"));
        assertEquals(List.of("r1"), search("attributes.artifact_uri LIKE '%/r1'"));
    }

    @Test
    void datasetFiltersOnNameDigestAndContext() {
        assertEquals(List.of("r1"), search("datasets.context = 'training'"));
        assertEquals(List.of("r3"), search("dataset.name IN ('green-2023-02', 'other')"));
        assertEquals(List.of("r1"), search("datasets.digest LIKE 'abc%'"));
        assertEquals(List.of("r3", "r1"), search("datasets.name ILIKE 'GREEN%'"));
        assertEquals(List.of("r3"), search("datasets.context NOT IN ('training')"));
    }

    @Test
    void quotedAndBacktickedKeys() {
        assertEquals(List.of("r1"), search("params.`learning rate` = '0.01'"));
        assertEquals(List.of("r1"), search("params.\"learning rate\" = '0.01'"));
        assertEquals(List.of("r1"), search("`params`.`learning rate` = '0.01'"));
        assertEquals(List.of("r3", "r1"), search("`metrics`.rmse > 1"));
    }

    @Test
    void clausesAreAnded() {
        assertEquals(List.of("r3"), search("metrics.rmse > 1 and params.model ILIKE '%a%'"));
        assertEquals(
                List.of("r1"), search("metrics.rmse > 1 AND tags.team = 'Core' AND datasets.context = 'training'"));
    }

    @Test
    void valuesAreBoundNotSpliced() throws SQLException {
        String hostile = "params.model = 'x''; DROP TABLE runs; --'";
        assertEquals(List.of(), search(hostile));
        SqlQuery q = RunSearchQuery.build(List.of(1L), hostile, List.of(), ViewType.ALL, null, null);
        assertFalse(q.sql().contains("DROP"), q.sql());
        assertTrue(
                q.bindings().contains("x'; DROP TABLE runs; --"), q.bindings().toString());
        assertEquals(List.of("r3", "r4", "r2", "r1"), search(""));
        // Keys are bound too, in filters and in order-by joins.
        SqlQuery keyed = RunSearchQuery.build(
                List.of(1L), "params.`x' OR 1=1 --` = 'a'", List.of("tags.`y' --` DESC"), ViewType.ALL, null, null);
        assertFalse(keyed.sql().contains("1=1") || keyed.sql().contains("y'"), keyed.sql());
        assertEquals(
                List.of(), keyed.execute(db.connection, rs -> rs.getString(1)).items());
    }

    @Test
    void pagingWithTokensVisitsEveryRunOnce() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            SqlQuery q = RunSearchQuery.build(List.of(1L, 2L), null, null, ViewType.ALL, 2, token);
            SearchPage<String> page = q.execute(db.connection, rs -> rs.getString(1));
            seen.addAll(page.items());
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null);
        assertEquals(List.of("r6", "r5", "r3", "r4", "r2", "r1"), seen);
        assertEquals(3, pages);
    }

    @Test
    void pageExactlyFullHasNoNextToken() {
        SqlQuery q = RunSearchQuery.build(List.of(1L), null, null, ViewType.ACTIVE_ONLY, 4, null);
        SearchPage<String> page = q.execute(db.connection, rs -> rs.getString(1));
        assertEquals(List.of("r3", "r4", "r2", "r1"), page.items());
        assertEquals(Optional.empty(), page.nextPageToken());
        SqlQuery second = RunSearchQuery.build(List.of(1L), null, null, ViewType.ACTIVE_ONLY, 3, null);
        SearchPage<String> first = second.execute(db.connection, rs -> rs.getString(1));
        assertEquals(List.of("r3", "r4", "r2"), first.items());
        assertEquals(Optional.of(PageToken.encode(3)), first.nextPageToken());
    }

    @Test
    void queryUsesIndexedKeyLookupsForMetricFilters() throws SQLException {
        SqlQuery q = RunSearchQuery.build(List.of(1L), "metrics.rmse > 4", List.of(), ViewType.ALL, null, null);
        StringBuilder plan = new StringBuilder();
        try (var ps = db.connection.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            q.bind(ps);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
        }
        // The metric clause is an indexed (key, run_uuid) lookup, never a scan of latest_metrics.
        assertTrue(plan.toString().contains("SEARCH f USING"), plan.toString());
        assertFalse(plan.toString().contains("SCAN f"), plan.toString());
    }
}
