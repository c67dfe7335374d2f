package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.postgres.PostgresTestServer;
import dev.lathe.tracking.postgres.PostgresTrackingStore;
import dev.lathe.tracking.search.SqlDialect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart reads ({@link RunDataViews}) on PostgreSQL: a sample is four statements whatever its budget
 * (the minima and maxima of every interval in one statement each), its points are {@link HistorySampler}'s,
 * and with sequential scans priced out no statement reads a data table whole; the keys come from migration
 * 6's table, which lists the keys of runs logged before it.
 */
class PostgresChartReadsTest {
    private static final Pattern SEQ_SCAN =
            Pattern.compile("Seq Scan on (latest_metrics|metrics|params|tags|" + RunDataViews.EXPERIMENT_KEYS + ")\\b");

    @TempDir
    Path dir;

    @Test
    void sampleAndKeysAreFixedStatementsOnIndexes() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        String run;
        long experiment;
        List<Metric> history;
        try (PostgresTrackingStore store =
                PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("artifacts")))) {
            String exp = store.createExperiment("charts");
            experiment = Long.parseLong(exp);
            List<RunWrite> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                RunWrite.Builder w = RunWrite.create(RunSpec.builder(exp).build(), i);
                for (int step = 0; step < 400; step++) {
                    double v = step == 301 ? 1e6 : step % 17 == 0 ? Double.NaN : Math.sin(step * (i + 1));
                    w.metric("m" + (i % 7), v, step, i);
                }
                writes.add(w.param("p" + (i % 5), "v").tag("t" + (i % 3), "x").build());
            }
            run = store.writeRuns(writes).get(0);
            history = store.getMetricHistory(run, "m0");
        }
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
            st.execute("ANALYZE");
            st.execute("SET enable_seqscan = off");
            st.execute("SET max_parallel_workers_per_gather = 0");
            Map<String, String> plans = new TreeMap<>();
            Connection explaining = explaining(c, plans);
            for (int budget : new int[] {5, 40, 300}) {
                plans.clear();
                List<Metric> sample = RunDataViews.sampleHistory(
                        explaining, SqlDialect.POSTGRESQL, run, "m0", Long.MIN_VALUE, Long.MAX_VALUE, budget);
                assertEquals(HistorySampler.sample(history, budget), sample, "budget " + budget);
                assertEquals(4, plans.size(), "first points, last point, minima, maxima: " + plans.keySet());
                assertNoSeqScan(plans);
            }
            plans.clear();
            KeyMatches keys = RunDataViews.keys(explaining, experiment, RunDataKind.METRIC, "m", 3);
            assertEquals(new KeyMatches(List.of("m0", "m1", "m2"), 7), keys);
            assertEquals(2, plans.size(), "the count, then the page: " + plans.keySet());
            assertNoSeqScan(plans);
        }
    }

    @Test
    void migrationSixListsTheKeysOfRunsLoggedBeforeIt() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        String url = PostgresTestServer.storeUrl(schema, dir.resolve("artifacts"));
        String exp;
        try (PostgresTrackingStore store = PostgresTrackingStore.open(url)) {
            exp = store.createExperiment("old");
            String before = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logMetric(before, new Metric("rmse", 1.0, 1, 0));
            store.logParam(before, "alpha", "1");
            store.setTag(before, "team", "a");
        }
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            // Back to version 5: migration 6's objects dropped and its version forgotten.
            st.execute("SET search_path = " + schema);
            st.execute("DROP TABLE " + RunDataViews.EXPERIMENT_KEYS);
            for (RunDataKind kind : RunDataKind.values()) {
                String table = RunDataViews.table(kind);
                st.execute("DROP TRIGGER lathe_keys_" + table + " ON " + table);
                st.execute("DROP FUNCTION lathe_keys_" + table + "()");
            }
            st.execute("DROP FUNCTION instr(TEXT, TEXT)");
            List<String> statistics = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT stxname FROM pg_statistic_ext WHERE stxnamespace = '" + schema + "'::regnamespace")) {
                while (rs.next()) {
                    statistics.add(rs.getString(1));
                }
            }
            assertEquals(2, statistics.size(), "migration 6's statistics: " + statistics);
            for (String name : statistics) {
                st.execute("DROP STATISTICS " + name);
            }
            st.execute("DELETE FROM lathe_schema_version WHERE version = 6");
        }
        try (PostgresTrackingStore store = PostgresTrackingStore.open(url)) {
            assertEquals(new KeyMatches(List.of("rmse"), 1), store.searchKeys(exp, RunDataKind.METRIC, "", 10));
            assertEquals(new KeyMatches(List.of("alpha"), 1), store.searchKeys(exp, RunDataKind.PARAM, "", 10));
            assertEquals(new KeyMatches(List.of("team"), 1), store.searchKeys(exp, RunDataKind.TAG, "", 10));
            String after = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logMetric(after, new Metric("mae", 1.0, 1, 0));
            assertTrue(store.searchKeys(exp, RunDataKind.METRIC, "", 10).keys().contains("mae"), "after it");
        }
    }

    private static void assertNoSeqScan(Map<String, String> plans) {
        plans.forEach((sql, plan) -> {
            assertFalse(SEQ_SCAN.matcher(plan).find(), sql + ":\n" + plan);
            assertTrue(plan.contains("Index"), plan);
        });
    }

    /**
     * A view of {@code c} whose prepared statements, when executed, first record the plan ({@code EXPLAIN}
     * with the same bindings) of their SQL in {@code plans}.
     */
    private static Connection explaining(Connection c, Map<String, String> plans) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, c, args);
                    if (!method.getName().equals("prepareStatement")) {
                        return result;
                    }
                    String sql = (String) args[0];
                    PreparedStatement real = (PreparedStatement) result;
                    PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql);
                    return Proxy.newProxyInstance(
                            PreparedStatement.class.getClassLoader(),
                            new Class<?>[] {PreparedStatement.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("set") && a != null && a.length == 2) {
                                    invoke(m, explain, a);
                                } else if (m.getName().equals("executeQuery")) {
                                    StringBuilder plan = new StringBuilder();
                                    try (ResultSet rs = explain.executeQuery()) {
                                        while (rs.next()) {
                                            plan.append(rs.getString(1)).append('\n');
                                        }
                                    }
                                    plans.put(sql, plan.toString());
                                } else if (m.getName().equals("close")) {
                                    explain.close();
                                }
                                return invoke(m, real, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
