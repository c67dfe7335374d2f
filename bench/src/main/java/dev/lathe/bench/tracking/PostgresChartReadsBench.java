package dev.lathe.bench.tracking;

import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.postgres.PostgresTrackingStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart reads of {@code lathe ui} on a PostgreSQL store: a history of N points thinned to 1,000 inside
 * the database ({@code sampleMetricHistory}) against loading every point and thinning it in Java (what
 * the store did before), and the metric keys of an experiment of many runs from the keys table. Arguments:
 * URL (as {@link PostgresRunSearchBench}'s; its store, when built, gives the keys case its 100,000 runs)
 * [points=1000000]; the history is written once and reused.
 */
public final class PostgresChartReadsBench {
    private static final String EXPERIMENT = "chart-reads-bench";
    private static final String KEY = "loss";
    private static final int BUDGET = 1_000;

    private PostgresChartReadsBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: PostgresChartReadsBench postgresql://user@host:port/db?artifacts=DIR [points]");
            System.exit(2);
        }
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (PostgresTrackingStore store = PostgresTrackingStore.open(args[0])) {
            String experimentId = store.getOrCreateExperiment(EXPERIMENT);
            String runId = longRun(store, experimentId, points);
            Latency.header();
            Latency.time("history sampled in the database", BUDGET, () -> store.sampleMetricHistory(
                            runId, KEY, Long.MIN_VALUE, Long.MAX_VALUE, BUDGET)
                    .size());
            Latency.time("history loaded whole, sampled in Java", BUDGET, () -> HistorySampler.sample(
                            store.getMetricHistory(runId, KEY), BUDGET)
                    .size());
            store.getExperimentByName("run-search-bench")
                    .ifPresent(e ->
                            Latency.time("metric keys of 100,000 runs (contains 'm1')", 100, () -> store.searchKeys(
                                            e.experimentId(), RunDataKind.METRIC, "m1", 100)
                                    .keys()
                                    .size()));
        }
    }

    private static String longRun(PostgresTrackingStore store, String experimentId, int points) {
        var existing = store.searchRuns(List.of(experimentId), null, List.of(), 1, null, ViewType.ALL)
                .items();
        if (!existing.isEmpty()) {
            System.out.println("reusing the history in " + store.location());
            return existing.get(0).info().runId();
        }
        long t0 = System.nanoTime();
        String runId = store.createRun(RunSpec.builder(experimentId).build()).runId();
        long t = 1_800_000_000_000L;
        for (int from = 0; from < points; from += 1_000) {
            List<Metric> batch = new ArrayList<>(1_000);
            for (int step = from; step < Math.min(points, from + 1_000); step++) {
                double value = step == points / 3 ? 50.0 : 1.0 / (1 + step * 1e-4) + 0.01 * Math.sin(step);
                batch.add(new Metric(KEY, value, t + step, step));
            }
            store.logBatch(runId, batch, List.of(), List.of());
        }
        store.updateRunStatus(runId, RunStatus.FINISHED);
        System.out.printf("wrote %d points in %.1f s%n", points, (System.nanoTime() - t0) / 1e9);
        return runId;
    }
}
