package dev.lathe.bench.tracking;

import dev.lathe.tracking.postgres.PostgresTrackingStore;

/**
 * {@link RunSearchBench}'s cases on a PostgreSQL store (mlflow#3785: search over 100,000 runs): the same
 * runs (N x 20 metrics x 20 params and a tag, built through {@code writeRuns}) and the same timing
 * ({@link Latency}: median and p95). Arguments: URL (postgresql://user@host:port/db?artifacts=DIR, a
 * schema parameter to keep the bench apart) [runs=100000] [seed=42]; a store already holding the bench's
 * experiment is reused.
 */
public final class PostgresRunSearchBench {
    private PostgresRunSearchBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println(
                    "usage: PostgresRunSearchBench postgresql://user@host:port/db?artifacts=DIR [runs] [seed]");
            System.exit(2);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (PostgresTrackingStore store = PostgresTrackingStore.open(args[0])) {
            RunSearchBench.run(store, store.location(), runs, seed);
        }
    }
}
