package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tracking.sqlite.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read commands open the store read-only: they write nothing and answer while another process writes. */
class ReadCommandsCliTest {
    @TempDir
    Path tmp;

    @Test
    void readCommandsAnswerWhileAnotherConnectionHoldsTheWriteLockAndWriteNothing() throws Exception {
        Path store = tmp.resolve("store");
        String id;
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            try (ActiveRun run = s.startRun(RunSpec.builder(s.getOrCreateExperiment("nyc-taxi-duration"))
                    .build())) {
                run.logMetric("validation_rmse", 6.0, 0);
                id = run.runId();
            }
        }
        Path db = store.resolve(StoreLocation.DB_FILE);
        byte[] before = Files.readAllBytes(db);
        var modified = Files.getLastModifiedTime(db);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch readersDone = new CountDownLatch(1);
        AtomicBoolean heldThroughout = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("UPDATE experiments SET last_update_time = 1");
                locked.countDown();
                heldThroughout.set(readersDone.await(60, TimeUnit.SECONDS));
                st.execute("ROLLBACK");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        try {
            for (String[] args : new String[][] {
                {"runs", "list"}, {"runs", "show", id}, {"experiments", "list"}, {"registry", "show", "none"}
            }) {
                String[] withStore = java.util.stream.Stream.concat(
                                java.util.Arrays.stream(args), java.util.stream.Stream.of("--store", store.toString()))
                        .toArray(String[]::new);
                CliRun r = CliRun.of(withStore);
                if (args[0].equals("registry")) {
                    assertEquals(2, r.code(), r.toString());
                    assertTrue(r.err().contains("RESOURCE_DOES_NOT_EXIST"), r.toString());
                } else {
                    assertEquals(0, r.code(), r.toString());
                    assertTrue(
                            r.out().contains(args[0].equals("experiments") ? "nyc-taxi-duration" : id), r.toString());
                }
            }
        } finally {
            readersDone.countDown();
        }
        writer.join();
        assertTrue(heldThroughout.get(), "every read command answered while the writer held its lock");
        assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(modified, Files.getLastModifiedTime(db));
    }
}
