package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tracking.postgres.PostgresTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store postgresql://...}: the CLI creates, lists and shows on a real PostgreSQL server. */
class PostgresStoreCliTest {
    @TempDir
    Path dir;

    @Test
    void experimentsAndRunsOnAPostgresqlStore() {
        String url = PostgresTestServer.freshStoreUrl(dir.resolve("artifacts"));
        CliRun created = CliRun.of("experiments", "create", "fares", "--store", url);
        assertEquals(0, created.code(), created.toString());
        CliRun listed = CliRun.of("experiments", "list", "--store", url);
        assertEquals(0, listed.code(), listed.toString());
        assertTrue(listed.out().lines().anyMatch(l -> l.matches("\\d+\\s+fares\\s+active.*")), listed.out());
        String runId;
        try (TrackingStore store = StoreAddress.of(url).open();
                ActiveRun run = store.startRun(
                        RunSpec.builder(store.getOrCreateExperiment("fares")).build())) {
            runId = run.runId();
        }
        CliRun runs = CliRun.of("runs", "list", "--experiment", "fares", "--store", "jdbc:" + url);
        assertEquals(0, runs.code(), runs.toString());
        assertTrue(runs.out().contains(runId), runs.out());
        CliRun missing = CliRun.of("runs", "list", "--experiment", "no-such", "--store", url);
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no-such"), missing.err());
    }
}
