package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.search.SqlDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's reads ({@link RunDataViews}) issue a fixed number of statements whatever they are asked for,
 * none scanning a data table in full; and migration 7 lists the keys of runs logged before it.
 */
class RunDataViewsTest {
    private static final Set<String> DATA_TABLES =
            Set.of("metrics", "latest_metrics", "params", "tags", RunDataViews.EXPERIMENT_KEYS);

    @Test
    void statementsAreFixedAndUseIndexes(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String exp = store.createExperiment("views");
            List<RunWrite> writes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                RunWrite.Builder w = RunWrite.create(RunSpec.builder(exp).build(), i);
                for (int step = 0; step < 20; step++) {
                    w.metric("m" + (i % 7), i + step, step, i);
                }
                writes.add(w.param("p" + (i % 5), "v").tag("t" + (i % 3), "x").build());
            }
            List<String> ids = store.writeRuns(writes);
            long experimentId = Long.parseLong(exp);

            List<Integer> counts = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (int n : new int[] {1, 30, 300}) {
                List<String> sql = new ArrayList<>();
                store.db()
                        .read(c -> RunDataViews.summarize(
                                StatementPlans.recording(c, sql), ids.subList(0, n), List.of("m0", "m1", "m2")));
                counts.add(sql.size());
                all.addAll(sql);
            }
            assertEquals(List.of(1, 1, 1), counts, "summaries of 1, 30 and 300 runs");

            List<String> sql = new ArrayList<>();
            List<Metric> sample = store.db()
                    .read(c -> RunDataViews.sampleHistory(
                            StatementPlans.recording(c, sql), SqlDialect.SQLITE, ids.get(0), "m0", 0, 1_000, 5));
            assertEquals(4, sample.size(), "first, last, and one interval's min and max");
            assertEquals(
                    4,
                    sql.size(),
                    "a sample: the first points, the last, the minima, the maxima (each prepared once): " + sql);
            all.addAll(sql);

            sql.clear();
            KeyMatches keys = store.db()
                    .read(c -> RunDataViews.keys(
                            StatementPlans.recording(c, sql), experimentId, RunDataKind.METRIC, "m", 3));
            assertEquals(new KeyMatches(List.of("m0", "m1", "m2"), 7), keys);
            assertEquals(2, sql.size(), "keys: the count, then the page: " + sql);
            all.addAll(sql);

            for (String statement : all) {
                String bound = statement.replace("?", "'1'");
                StatementPlans.assertNoFullScan(store, bound, DATA_TABLES);
            }
        }
    }

    @Test
    void migrationSevenListsTheKeysOfRunsLoggedBeforeIt(@TempDir Path dir) {
        List<Migration> beforeSeven =
                Schema.migrations().stream().filter(m -> m.version() < 7).toList();
        String exp;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir, beforeSeven)) {
            exp = store.createExperiment("old");
            String run = store.createRun(RunSpec.builder(exp).runName("before").build())
                    .runId();
            store.logMetric(run, new Metric("rmse", 1.0, 1, 0));
            store.logMetric(run, new Metric("rmse", 0.5, 2, 1));
            store.logParam(run, "alpha", "1");
            store.setTag(run, "team", "a");
        }
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            assertEquals(new KeyMatches(List.of("rmse"), 1), store.searchKeys(exp, RunDataKind.METRIC, "", 10));
            assertEquals(new KeyMatches(List.of("alpha"), 1), store.searchKeys(exp, RunDataKind.PARAM, "", 10));
            assertEquals(new KeyMatches(List.of("team"), 1), store.searchKeys(exp, RunDataKind.TAG, "", 10));
            String run = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logMetric(run, new Metric("mae", 1.0, 1, 0));
            assertTrue(store.searchKeys(exp, RunDataKind.METRIC, "", 10).keys().contains("mae"), "after the migration");
            assertEquals(
                    2,
                    store.sampleMetricHistory(
                                    store.searchRuns(
                                                    List.of(exp),
                                                    "attributes.run_name = 'before'",
                                                    List.of(),
                                                    1,
                                                    null,
                                                    dev.lathe.core.tracking.ViewType.ALL)
                                            .items()
                                            .get(0)
                                            .info()
                                            .runId(),
                                    "rmse",
                                    Long.MIN_VALUE,
                                    Long.MAX_VALUE,
                                    10)
                            .size());
        }
    }
}
