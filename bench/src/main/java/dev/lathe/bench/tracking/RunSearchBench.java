package dev.lathe.bench.tracking;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Latency of {@code searchRuns} on a large SQLite store: builds N runs x 20 metrics x 20 params (plus a
 * tag) through the batched {@code writeRuns}, then times pages of 100 and 1,000 runs: no filter; a
 * filter on a metric, a param and a tag; ordered by a metric ascending and descending, by a param and
 * by start_time; filter and order together ({@link Latency}: median and p95 of 20 calls after 3 warm-ups).
 * Arguments: [runs=100000] [store dir=a new temp dir; an existing store there is reused] [seed=42].
 */
public final class RunSearchBench {
    private static final int METRICS = 20;
    private static final int PARAMS = 20;
    private static final int BATCH = 1_000;
    private static final String EXPERIMENT = "run-search-bench";
    private static final String FILTER = "metrics.m1 > 0.5 and params.p1 != 'v3' and tags.group = 'a'";
    private static final List<String> ORDER = List.of("metrics.m0 DESC");
    private static final List<String> ORDER_ASC = List.of("metrics.m0 ASC");

    private RunSearchBench() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("run-search-bench");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            run(store, dir.toString(), runs, seed);
        }
    }

    /**
     * Builds the runs in {@code store} unless its bench experiment holds some already, then times every
     * case; {@code where} names the store in the output. Every backend's bench calls this.
     */
    static void run(TrackingStore store, String where, int runs, long seed) {
        String experimentId = store.getOrCreateExperiment(EXPERIMENT);
        int existing = store.searchRuns(List.of(experimentId), null, List.of(), 1, null, ViewType.ALL)
                        .items()
                        .isEmpty()
                ? 0
                : runs;
        if (existing == 0) {
            long t0 = System.nanoTime();
            fill(store, experimentId, runs, seed);
            System.out.printf(
                    Locale.ROOT,
                    "built %d runs x %d metrics x %d params in %s in %.1f s%n",
                    runs,
                    METRICS,
                    PARAMS,
                    where,
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf(Locale.ROOT, "reusing the store in %s%n", where);
        }
        Latency.header();
        for (int page : new int[] {100, 1_000}) {
            time(store, experimentId, "no filter, default order", null, List.of(), page);
            time(store, experimentId, "filter metric+param+tag, default order", FILTER, List.of(), page);
            time(store, experimentId, "order by metric desc", null, ORDER, page);
            time(store, experimentId, "order by metric asc", null, ORDER_ASC, page);
            time(store, experimentId, "order by param asc", null, List.of("params.p2 ASC"), page);
            time(store, experimentId, "order by start_time asc", null, List.of("attributes.start_time ASC"), page);
            time(store, experimentId, "filter metric+param+tag, order metric desc", FILTER, ORDER, page);
            time(store, experimentId, "filter metric+param+tag, order metric asc", FILTER, ORDER_ASC, page);
        }
    }

    private static void fill(TrackingStore store, String experimentId, int runs, long seed) {
        fill(store, experimentId, runs, seed, (run, m) -> "m" + m);
    }

    /**
     * Writes {@code runs} finished runs of 20 metrics (named by {@code metricKey} from the run's and the
     * metric's index), 20 params {@code p0..p19} of 10 values and a tag {@code group}, 1,000 a batch.
     */
    public static void fill(
            TrackingStore store,
            String experimentId,
            int runs,
            long seed,
            BiFunction<Integer, Integer, String> metricKey) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = 1_700_000_000_000L;
        for (int from = 0; from < runs; from += BATCH) {
            List<RunWrite> writes = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(runs, from + BATCH); i++) {
                long t = start + i;
                RunWrite.Builder w =
                        RunWrite.create(RunSpec.builder(experimentId).build(), t);
                for (int m = 0; m < METRICS; m++) {
                    w.metric(metricKey.apply(i, m), random.nextDouble(), 0, t);
                }
                for (int p = 0; p < PARAMS; p++) {
                    w.param("p" + p, "v" + random.nextInt(10));
                }
                w.tag("group", random.nextBoolean() ? "a" : "b");
                w.end(RunStatus.FINISHED, t + 1);
                writes.add(w.build());
            }
            store.writeRuns(writes);
        }
    }

    private static void time(
            TrackingStore store, String experimentId, String label, String filter, List<String> order, int size) {
        Latency.time(label, size, () -> search(store, experimentId, filter, order, size)
                .items()
                .size());
    }

    private static Page<Run> search(
            TrackingStore store, String experimentId, String filter, List<String> order, int size) {
        return store.searchRuns(List.of(experimentId), filter, order, size, null, ViewType.ACTIVE_ONLY);
    }
}
