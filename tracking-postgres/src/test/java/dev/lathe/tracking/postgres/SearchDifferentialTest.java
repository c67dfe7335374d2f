package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlDialect;
import dev.lathe.tracking.search.SqlQuery;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same runs in the SQLite store and the PostgreSQL store answer every search alike: MLflow's
 * comparisons (NaN matches only {@code !=}, case-sensitive LIKE without escapes, ILIKE, IN, IS NULL) and
 * orders (NaN after numbers, missing values last in either direction, byte-wise text order), page by
 * page; and on PostgreSQL the index-walking form of an ordered search (UNION ALL arms) answers what the
 * sorting form does.
 */
class SearchDifferentialTest {
    private static final double[] VALUES = {
        0.5, 1.0, -3.25, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0, 1e-9, 7.5
    };
    /** Short texts, and long ones that agree past PostgreSQL's indexed prefix and differ after it. */
    private static final String[] TEXTS = {
        "a",
        "B",
        "b",
        "10",
        "9",
        "b_c",
        "b%c",
        "é",
        "bA",
        "Ab",
        "b".repeat(SqlDialect.ORDER_PREFIX + 50) + "é",
        "b".repeat(SqlDialect.ORDER_PREFIX + 50) + "a",
        "b".repeat(SqlDialect.ORDER_PREFIX)
    };

    private static final List<String> FILTERS = List.of(
            "",
            "metrics.m > 0.5",
            "metrics.m <= 0.5",
            "metrics.m != 0.5",
            "metrics.m = 1.0",
            "metrics.loss < 0.3",
            "params.p = 'b'",
            "params.p != 'b'",
            "params.p LIKE 'b%'",
            "params.p LIKE 'b_c'",
            "params.p ILIKE 'B%'",
            "attributes.run_name != 'r10'",
            "params.p IS NULL",
            "tags.t LIKE '%c'",
            "tags.t ILIKE 'ab'",
            "tags.t IS NOT NULL",
            "attributes.run_name LIKE 'r1%'",
            "attributes.status = 'FINISHED'",
            "metrics.m > 0 AND params.p != 'a' AND tags.t LIKE '%'");

    private static final List<List<String>> ORDERS = List.of(
            List.of(),
            List.of("metrics.m ASC"),
            List.of("metrics.m DESC"),
            List.of("params.p ASC"),
            List.of("params.p DESC"),
            List.of("tags.t DESC"),
            List.of("attributes.end_time ASC"),
            List.of("attributes.run_name DESC"),
            List.of("metrics.m DESC", "params.p ASC"),
            List.of("params.p ASC", "metrics.loss DESC"));

    @TempDir
    Path dir;

    @Test
    void searchesAnswerAsOnSqlite() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        try (TrackingStore sqlite = SqliteTrackingStore.open(dir.resolve("sqlite"));
                PostgresTrackingStore postgres =
                        PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("pg")))) {
            String sqliteExp = fill(sqlite);
            String pgExp = fill(postgres);
            for (String filter : FILTERS) {
                for (List<String> order : ORDERS) {
                    String what = "filter '" + filter + "' order " + order;
                    assertEquals(names(sqlite, sqliteExp, filter, order), names(postgres, pgExp, filter, order), what);
                }
            }
            try (Connection c = PostgresTestServer.connect();
                    Statement st = c.createStatement()) {
                st.execute("SET search_path = " + schema);
                st.execute("SET max_parallel_workers_per_gather = 0");
                st.execute("SET lathe.artifact_root = '" + dir.resolve("pg") + "'");
                for (String filter : FILTERS) {
                    for (List<String> order : ORDERS) {
                        if (order.isEmpty()) {
                            continue;
                        }
                        assertEquals(
                                ids(c, Long.parseLong(pgExp), filter, order, RunSearchQuery.WALK_FROM_RUNS),
                                ids(c, Long.parseLong(pgExp), filter, order, 0),
                                "walked and sorted: filter '" + filter + "' order " + order);
                    }
                }
            }
        }
    }

    /** 60 runs with values from the lists above, some missing; distinct start times; some still running. */
    private static String fill(TrackingStore store) {
        String exp = store.getOrCreateExperiment("differential");
        SplittableRandom random = new SplittableRandom(7);
        List<RunWrite> writes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t = 1_700_000_000_000L + 1000L * i;
            RunWrite.Builder w =
                    RunWrite.create(RunSpec.builder(exp).runName("r" + i).build(), t);
            if (random.nextInt(5) > 0) {
                w.metric("m", VALUES[random.nextInt(VALUES.length)], 0, t);
            }
            w.metric("loss", random.nextInt(10) / 10.0, 0, t);
            if (random.nextInt(5) > 0) {
                w.param("p", TEXTS[random.nextInt(TEXTS.length)]);
            }
            if (random.nextInt(3) > 0) {
                w.tag("t", TEXTS[random.nextInt(TEXTS.length)]);
            }
            if (random.nextInt(4) > 0) {
                w.end(RunStatus.FINISHED, t + random.nextInt(3) * 100L);
            }
            writes.add(w.build());
        }
        store.writeRuns(writes);
        return exp;
    }

    /** Run names of every page of 7, in order. */
    private static List<String> names(TrackingStore store, String exp, String filter, List<String> order) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            Page<Run> page = store.searchRuns(List.of(exp), filter, order, 7, token, ViewType.ACTIVE_ONLY);
            page.items().forEach(r -> out.add(r.info().runName()));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return out;
    }

    private static List<String> ids(Connection c, long exp, String filter, List<String> order, int walkFrom)
            throws Exception {
        SqlQuery q = RunSearchQuery.build(
                SqlDialect.POSTGRESQL, List.of(exp), filter, order, ViewType.ACTIVE_ONLY, 1000, null, walkFrom);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            q.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
