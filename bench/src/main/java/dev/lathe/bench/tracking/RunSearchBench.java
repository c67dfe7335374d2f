package dev.lathe.bench.tracking;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latency of {@code searchRuns} on a large SQLite store: builds N runs x 20 metrics x 20 params (plus a
 * tag) through the batched {@code writeRuns}, then times pages of 100 and 1,000 runs without and with a
 * filter on a metric, a param and a tag ordered by a metric: 3 warm-up calls, then 20 timed ones, median
 * and p95. Arguments: [runs=100000] [store dir=a new temp dir; an existing store there is reused] [seed=42].
 */
public final class RunSearchBench {
    private static final int METRICS = 20;
    private static final int PARAMS = 20;
    private static final int BATCH = 1_000;
    private static final int WARMUPS = 3;
    private static final int REPEATS = 20;
    private static final String EXPERIMENT = "run-search-bench";
    private static final String FILTER = "metrics.m1 > 0.5 and params.p1 != 'v3' and tags.group = 'a'";
    private static final List<String> ORDER = List.of("metrics.m0 DESC");

    private RunSearchBench() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("run-search-bench");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
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
                        dir,
                        (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing the store in %s%n", dir);
            }
            System.out.println("case                                   page   hits   median ms   p95 ms");
            for (int page : new int[] {100, 1_000}) {
                time(store, experimentId, "no filter, default order", null, List.of(), page);
                time(store, experimentId, "no filter, order by metric", null, ORDER, page);
                time(store, experimentId, "filter metric+param+tag, order metric", FILTER, ORDER, page);
            }
        }
    }

    private static void fill(SqliteTrackingStore store, String experimentId, int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = 1_700_000_000_000L;
        for (int from = 0; from < runs; from += BATCH) {
            List<RunWrite> writes = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(runs, from + BATCH); i++) {
                long t = start + i;
                RunWrite.Builder w =
                        RunWrite.create(RunSpec.builder(experimentId).build(), t);
                for (int m = 0; m < METRICS; m++) {
                    w.metric("m" + m, random.nextDouble(), 0, t);
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
            SqliteTrackingStore store, String experimentId, String label, String filter, List<String> order, int size) {
        int hits = 0;
        for (int i = 0; i < WARMUPS; i++) {
            hits = search(store, experimentId, filter, order, size).items().size();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            search(store, experimentId, filter, order, size);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = (ms[REPEATS / 2 - 1] + ms[REPEATS / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * REPEATS) - 1];
        System.out.printf(Locale.ROOT, "%-38s %5d %6d %11.1f %8.1f%n", label, size, hits, median, p95);
    }

    private static Page<Run> search(
            SqliteTrackingStore store, String experimentId, String filter, List<String> order, int size) {
        return store.searchRuns(List.of(experimentId), filter, order, size, null, ViewType.ACTIVE_ONLY);
    }
}
