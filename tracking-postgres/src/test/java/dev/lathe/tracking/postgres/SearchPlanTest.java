package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlDialect;
import dev.lathe.tracking.search.SqlQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

    /**
     * Migration 6's statistics of (key, value) pairs: a tag filter's rows are estimated near their count
     * (the planner otherwise multiplies the key's and the value's frequencies: 1,000 tags of 30,000 rows
     * were estimated at 56), so that a filtered page walks the runs in order instead of sorting all
     * the matches; the same for a param filter.
     */
    @Test
    void filterRowEstimatesSeeKeyValuePairs() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        int runs = 2_000;
        try (PostgresTrackingStore store =
                PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("artifacts")))) {
            String exp = store.getOrCreateExperiment("estimates");
            List<RunWrite> writes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                RunWrite.Builder w = RunWrite.create(RunSpec.builder(exp).build(), i);
                w.tag("group", i % 2 == 0 ? "a" : "b").param("alpha", i % 2 == 0 ? "a" : "b");
                for (int k = 0; k < 12; k++) {
                    w.tag("k" + k, "u" + i).param("p" + k, "u" + i);
                }
                writes.add(w.build());
            }
            store.writeRuns(writes);
        }
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
            st.execute("ANALYZE tags, params");
            for (String table : List.of("tags", "params")) {
                String key = table.equals("tags") ? "group" : "alpha";
                double estimate;
                try (ResultSet rs = st.executeQuery(
                        "EXPLAIN SELECT 1 FROM " + table + " WHERE key = '" + key + "' AND value = 'a'")) {
                    rs.next();
                    Matcher m = Pattern.compile("rows=(\\d+)").matcher(rs.getString(1));
                    assertTrue(m.find(), rs.getString(1));
                    estimate = Double.parseDouble(m.group(1));
                }
                assertTrue(
                        estimate >= runs / 2 / 2.0 && estimate <= runs / 2 * 2.0,
                        table + ": " + key + " = 'a' holds " + runs / 2 + " rows, estimated " + estimate);
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
