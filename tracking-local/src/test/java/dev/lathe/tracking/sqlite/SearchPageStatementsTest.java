package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search page issues a fixed number of SQL statements whatever its size, and none of them scans
 * tags, params, metrics or latest_metrics in full (checked with EXPLAIN QUERY PLAN).
 */
class SearchPageStatementsTest {
    private static final int RUNS = 1_200;
    private static final String FILTER = "metrics.m1 >= 0.25 and params.p1 != 'none' and tags.t1 = 'even'";
    private static final List<String> ORDER = List.of("metrics.m0 DESC");
    private static final Set<String> RUN_DATA = Set.of("tags", "params", "metrics", "latest_metrics");

    @TempDir
    static Path dir;

    private static SqliteTrackingStore store;
    private static String experimentId;

    @BeforeAll
    static void fill() {
        store = SqliteTrackingStore.open(dir);
        experimentId = store.createExperiment("paging", null, java.util.Map.of());
        List<RunWrite> writes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            RunWrite.Builder w = RunWrite.create(
                    RunSpec.builder(experimentId).runName("run-" + i).build(), 1_000_000L + i);
            for (int m = 0; m < 5; m++) {
                w.metric("m" + m, value(i, m), 0, 1_000_000L + i);
            }
            for (int p = 0; p < 5; p++) {
                w.param("p" + p, "v" + (i * 7 + p) % 13);
            }
            w.tag("t1", i % 2 == 0 ? "even" : "odd");
            if (i > 0) { // run 0 stays RUNNING to receive a dataset input below
                w.end(RunStatus.FINISHED, 2_000_000L + i);
            }
            writes.add(w.build());
        }
        List<String> ids = store.writeRuns(writes);
        store.logInputs(
                ids.get(0), List.of(new DatasetInput("train", "abc123", "train.parquet", "{}", 10, "training")));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A deterministic metric value in [0, 1). */
    private static double value(int run, int metric) {
        return ((run * 31L + metric * 17L) % 1000) / 1000.0;
    }

    @Test
    void statementsPerPageDoNotDependOnPageSize() {
        List<Integer> counts = new ArrayList<>();
        for (int size : new int[] {1, 10, 100, 1000}) {
            List<String> sql = new ArrayList<>();
            SqlQuery q = RunSearchQuery.build(
                    List.of(Long.parseLong(experimentId)), null, ORDER, ViewType.ACTIVE_ONLY, size, null);
            Page<Run> page = store.db()
                    .read(c -> SqliteSearch.runPage(StatementPlans.recording(c, sql), new StorePaths(store.root()), q));
            assertEquals(size, page.items().size());
            counts.add(sql.size());
        }
        assertEquals(List.of(6, 6, 6, 6), counts, "statements for pages of 1, 10, 100 and 1000 runs");
    }

    @Test
    void aPageLoadsTheSameRunsAsGetRunInTheRequestedOrder() {
        SqlQuery q = RunSearchQuery.build(
                List.of(Long.parseLong(experimentId)), FILTER, ORDER, ViewType.ACTIVE_ONLY, 1000, null);
        Page<Run> page = store.db().read(c -> SqliteSearch.runPage(c, new StorePaths(store.root()), q));
        int expected = 0;
        for (int i = 0; i < RUNS; i++) {
            boolean p1 = true; // every run has p1 and none has the value 'none'
            if (value(i, 1) >= 0.25 && p1 && i % 2 == 0) {
                expected++;
            }
        }
        assertEquals(expected, page.items().size());
        double previous = Double.POSITIVE_INFINITY;
        for (Run run : page.items()) {
            assertEquals(store.getRun(run.info().runId()), run);
            int i = Integer.parseInt(run.info().runName().substring("run-".length()));
            assertEquals(value(i, 0), run.data().latestMetrics().get("m0").value());
            assertEquals("v" + (i * 7 + 3) % 13, run.data().params().get("p3"));
            assertEquals("even", run.data().tags().get("t1"));
            assertTrue(run.data().latestMetrics().get("m0").value() <= previous, "ordered by m0 descending");
            previous = run.data().latestMetrics().get("m0").value();
        }
        Run first = store.getRun(firstRunId());
        assertEquals(1, first.inputs().datasets().size());
        assertEquals("training", first.inputs().datasets().get(0).context());
    }

    private static String firstRunId() {
        return store.searchRuns(
                        List.of(experimentId),
                        "attributes.run_name = 'run-0'",
                        List.of(),
                        1,
                        null,
                        ViewType.ACTIVE_ONLY)
                .items()
                .get(0)
                .info()
                .runId();
    }

    @Test
    void noStatementOfAFilteredOrderedPageScansRunDataTables() {
        List<List<String>> orders = List.of(
                ORDER,
                List.of("metrics.m2 ASC", "params.p1 DESC"),
                List.of("params.p2 ASC"),
                List.of("tags.t1 DESC"),
                List.of("attributes.start_time ASC"),
                List.of());
        for (List<String> order : orders) {
            for (String filter : new String[] {null, FILTER}) {
                List<String> sql = new ArrayList<>();
                SqlQuery q = RunSearchQuery.build(
                        List.of(Long.parseLong(experimentId)), filter, order, ViewType.ACTIVE_ONLY, 100, null);
                store.db()
                        .read(c -> SqliteSearch.runPage(
                                StatementPlans.recording(c, sql), new StorePaths(store.root()), q));
                assertEquals(6, sql.size());
                for (String statement : sql) {
                    StatementPlans.assertNoFullScan(store, statement, RUN_DATA);
                }
            }
        }
    }
}
