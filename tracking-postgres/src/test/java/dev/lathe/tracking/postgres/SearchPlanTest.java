package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlDialect;
import dev.lathe.tracking.search.SqlQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run search's statements use the search indexes on PostgreSQL (mlflow#3785): with sequential scans
 * priced out ({@code enable_seqscan = off}), no plan reads the metrics, params or tags tables whole, for a
 * metric filter with a metric order, a param order and a tag filter, walked or sorted.
 */
class SearchPlanTest {
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (latest_metrics|metrics|params|tags)\\b");

    @TempDir
    Path dir;

    @Test
    void runSearchStatementsUseIndexes() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        long experiment;
        try (PostgresTrackingStore store =
                PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("artifacts")))) {
            String exp = store.getOrCreateExperiment("plans");
            experiment = Long.parseLong(exp);
            for (int i = 0; i < 30; i++) {
                String run = store.createRun(RunSpec.builder(exp).build()).runId();
                store.logBatch(
                        run,
                        List.of(new Metric("rmse", i % 7, 1L, 0), new Metric("mae", i, 1L, 0)),
                        List.of(new Param("alpha", Integer.toString(i % 5))),
                        List.of(new RunTag("team", i % 2 == 0 ? "a" : "b")));
            }
        }
        String[][] searches = {
            {"metrics.rmse < 3", "metrics.mae DESC"},
            {"metrics.rmse > 1 AND params.alpha = '2'", "params.alpha ASC"},
            {"tags.team = 'a'", "metrics.rmse ASC"},
            {"metrics.mae >= 4", "attributes.start_time DESC"}
        };
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
            st.execute("SET enable_seqscan = off");
            st.execute("SET max_parallel_workers_per_gather = 0");
            st.execute("ANALYZE");
            for (String[] search : searches) {
                for (int walkFrom : new int[] {0, RunSearchQuery.WALK_FROM_RUNS}) {
                    SqlQuery q = RunSearchQuery.build(
                            SqlDialect.POSTGRESQL,
                            List.of(experiment),
                            search[0],
                            List.of(search[1]),
                            ViewType.ACTIVE_ONLY,
                            100,
                            null,
                            walkFrom);
                    String plan = explain(c, q);
                    assertFalse(SEQ_SCAN.matcher(plan).find(), search[0] + " / " + search[1] + ":\n" + plan);
                    assertTrue(plan.contains("Index"), plan);
                }
            }
        }
    }

    private static String explain(Connection c, SqlQuery q) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + q.sql())) {
            q.bind(ps);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
