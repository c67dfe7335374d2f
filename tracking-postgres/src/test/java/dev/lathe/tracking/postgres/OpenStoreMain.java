package dev.lathe.tracking.postgres;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A worker process for {@link ConcurrentMigrationTest}: says it is ready ({@code args[1]}.ready.PID), waits
 * until the file {@code args[1]} exists (so that every process opens at the same moment), opens the store at {@code args[0]}, logs one run and
 * exits 0.
 */
public final class OpenStoreMain {
    private OpenStoreMain() {}

    public static void main(String[] args) throws Exception {
        Path go = Path.of(args[1]);
        // Classes loaded before the start signal, so the processes reach the database within milliseconds.
        PostgresLocation.parse(args[0]);
        PostgresSchema.migrations();
        Class.forName("org.postgresql.Driver");
        Class.forName("com.zaxxer.hikari.HikariDataSource");
        Class.forName(PostgresTrackingStore.class.getName());
        Files.writeString(Path.of(args[1] + ".ready." + ProcessHandle.current().pid()), "ready");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        try (PostgresTrackingStore store = PostgresTrackingStore.open(args[0])) {
            String exp = store.getOrCreateExperiment("migrating");
            store.createRun(dev.lathe.core.tracking.RunSpec.builder(exp).build());
        }
        System.out.println("opened");
    }
}
