package dev.lathe.bench.server;

import dev.lathe.bench.tracking.RunSearchBench;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the store of issue 15's speed goals: RUNS runs x 20 metrics x 20 params in one experiment,
 * 12,000 distinct metric keys across them (10 keys every run logs, and 10 a run from a pool of 11,990),
 * and one more run whose metric {@code loss} has a 1,000,000-point history with one spike. Reuses the
 * store when the experiment is there already.
 */
final class UiStore {
    static final String EXPERIMENT = "ui-speed";
    static final int COMMON_METRICS = 10;
    static final int POOLED_METRICS = 10;
    static final int METRIC_KEYS = 12_000;
    static final int PARAMS = 20;
    static final String LONG_RUN = "long-history";
    static final String LONG_METRIC = "loss";
    static final int LONG_POINTS = 1_000_000;
    private static final int BATCH = 1_000;

    private UiStore() {}

    /** The experiment's id, after building it when the store lacks it. */
    static String ensure(SqliteTrackingStore store, int runs, long seed) {
        var existing = store.getExperimentByName(EXPERIMENT);
        String experimentId;
        if (existing.isPresent()) {
            System.out.println("reusing the store's experiment " + EXPERIMENT);
            experimentId = existing.get().experimentId();
        } else {
            experimentId = store.createExperiment(EXPERIMENT);
            long t0 = System.nanoTime();
            RunSearchBench.fill(
                    store,
                    experimentId,
                    runs,
                    seed,
                    (run, m) -> m < COMMON_METRICS ? "m" + m : pooledKey(run * POOLED_METRICS + m - COMMON_METRICS));
            System.out.printf(
                    Locale.ROOT,
                    "built %,d runs x %d metrics x %d params (%,d metric keys) in %.1f s%n",
                    runs,
                    COMMON_METRICS + POOLED_METRICS,
                    PARAMS,
                    METRIC_KEYS,
                    (System.nanoTime() - t0) / 1e9);
        }
        if (longRun(store, experimentId).isEmpty()) {
            long t0 = System.nanoTime();
            longHistory(store, experimentId);
            System.out.printf(
                    Locale.ROOT, "built a %,d-point history in %.1f s%n", LONG_POINTS, (System.nanoTime() - t0) / 1e9);
        }
        return experimentId;
    }

    /** The id of the run with the long history, once built. */
    static Optional<String> longRun(SqliteTrackingStore store, String experimentId) {
        return store
                .searchRuns(
                        List.of(experimentId),
                        "attributes.run_name = '" + LONG_RUN + "'",
                        List.of(),
                        1,
                        null,
                        ViewType.ALL)
                .items()
                .stream()
                .findFirst()
                .map(r -> r.info().runId());
    }

    /** The pooled metric keys, as many as make {@link #METRIC_KEYS} with the common ones. */
    static String pooledKey(int i) {
        return String.format(Locale.ROOT, "val/fold_%05d/rmse", i % (METRIC_KEYS - COMMON_METRICS));
    }

    private static void longHistory(SqliteTrackingStore store, String experimentId) {
        String runId = store.createRun(
                        RunSpec.builder(experimentId).runName(LONG_RUN).build())
                .runId();
        long t = 1_800_000_000_000L;
        for (int from = 0; from < LONG_POINTS; from += BATCH) {
            List<Metric> batch = new ArrayList<>(BATCH);
            for (int step = from; step < from + BATCH; step++) {
                double value = step == LONG_POINTS / 3 ? 50.0 : 1.0 / (1 + step * 1e-4) + 0.01 * Math.sin(step);
                batch.add(new Metric(LONG_METRIC, value, t + step, step));
            }
            store.logBatch(runId, batch, List.of(), List.of());
        }
        store.updateRunStatus(runId, RunStatus.FINISHED);
    }
}
