package dev.lathe.bench.tracking;

import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency of experiment, registered-model and model-version search on a large SQLite store: builds N
 * experiments with two tags each and N registered models with a tag, three versions each (one tagged)
 * and an alias, then times pages of 100 and 1,000 with and without a tag filter and an order-by
 * ({@link Latency}: median and p95 of 20 calls after 3 warm-ups). Arguments: [n=10000] [store dir=a new
 * temp dir; an existing store there is reused].
 */
public final class EntitySearchBench {
    private static final int VERSIONS = 3;

    private EntitySearchBench() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("entity-search-bench");
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            ModelRegistry registry = store.registry();
            if (registry.findRegisteredModel(name(n - 1)).isEmpty()) {
                long t0 = System.nanoTime();
                fill(store, n);
                System.out.printf(
                        Locale.ROOT,
                        "built %d experiments and %d registered models x %d versions in %s in %.1f s%n",
                        n,
                        n,
                        VERSIONS,
                        dir,
                        (System.nanoTime() - t0) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "reusing the store in %s%n", dir);
            }
            Latency.header();
            for (int page : new int[] {100, 1_000}) {
                Latency.time("experiments, no filter, default order", page, () -> store.searchExperiments(
                                null, List.of(), page, null, ViewType.ACTIVE_ONLY)
                        .items()
                        .size());
                Latency.time("experiments, filter tag, order name desc", page, () -> store.searchExperiments(
                                "tags.parity = 'even' and tags.team != 't3'",
                                List.of("name DESC"),
                                page,
                                null,
                                ViewType.ACTIVE_ONLY)
                        .items()
                        .size());
                Latency.time("registered models, no filter, default order", page, () -> registry.searchRegisteredModels(
                                null, List.of(), page, null)
                        .items()
                        .size());
                Latency.time(
                        "registered models, filter tag, order updated desc",
                        page,
                        () -> registry.searchRegisteredModels(
                                        "tags.parity = 'odd'", List.of("last_updated_timestamp DESC"), page, null)
                                .items()
                                .size());
                Latency.time("model versions, no filter, default order", page, () -> registry.searchModelVersions(
                                null, List.of(), page, null)
                        .items()
                        .size());
                Latency.time("model versions, filter tag, order created desc", page, () -> registry.searchModelVersions(
                                "tags.parity = 'even'", List.of("creation_timestamp DESC"), page, null)
                        .items()
                        .size());
            }
        }
    }

    private static String name(int i) {
        return "model-" + i;
    }

    private static void fill(SqliteTrackingStore store, int n) {
        ModelRegistry registry = store.registry();
        for (int i = 0; i < n; i++) {
            String parity = i % 2 == 0 ? "even" : "odd";
            store.createExperiment("experiment-" + i, null, Map.of("parity", parity, "team", "t" + i % 7));
            registry.createRegisteredModel(name(i), "model " + i, Map.of("parity", parity));
            for (int v = 1; v <= VERSIONS; v++) {
                registry.createModelVersion(
                        name(i),
                        "file:///models/" + i + "/" + v,
                        null,
                        null,
                        v == 1 ? Map.of("parity", parity) : Map.of());
            }
            registry.setAlias(name(i), "champion", VERSIONS);
        }
    }
}
