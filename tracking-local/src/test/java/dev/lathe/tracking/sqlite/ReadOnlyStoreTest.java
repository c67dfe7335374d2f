package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidStateException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.ViewType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a store writes nothing and never waits on a writer; a writer that waits says so. */
class ReadOnlyStoreTest {
    /** Long enough that a reader blocked by the lock (as before: 120 s of retries) is caught. */
    private static final long HOLD_AT_MOST_SECONDS = 60;

    private static String storeWithOneRun(Path dir) {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(dir)) {
            try (ActiveRun run =
                    s.startRun(RunSpec.builder(s.getOrCreateExperiment("e")).build())) {
                run.logParam("alpha", "1");
                run.logMetric("rmse", 6.0, 0);
                return run.runId();
            }
        }
    }

    @Test
    void readingAStoreLeavesItsDatabaseFileUntouched(@TempDir Path dir) throws Exception {
        String id = storeWithOneRun(dir);
        Path db = dir.resolve(StoreLocation.DB_FILE);
        byte[] before = Files.readAllBytes(db);
        var modified = Files.getLastModifiedTime(db);
        Thread.sleep(20);
        try (SqliteTrackingStore s = SqliteTrackingStore.openForReading(dir)) {
            assertTrue(s.db().readOnly());
            assertEquals(2, s.listExperiments(ViewType.ALL).size());
            assertEquals("1", s.getRun(id).data().params().get("alpha"));
            String exp = s.getExperimentByName("e").orElseThrow().experimentId();
            assertEquals(
                    1,
                    s.searchRuns(List.of(exp), "metrics.rmse < 7", List.of(), 10, null, ViewType.ALL)
                            .items()
                            .size());
            InvalidStateException write = assertThrows(InvalidStateException.class, () -> s.setTag(id, "k", "v"));
            assertTrue(write.getMessage().contains(db.toString()), write.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the database file's bytes");
        assertEquals(modified, Files.getLastModifiedTime(db), "the database file's mtime");
        try (SqliteTrackingStore s = SqliteTrackingStore.open(dir)) {
            assertFalse(s.getRun(id).data().tags().containsKey("k"));
        }
    }

    @Test
    void aReaderIsNotBlockedByAnotherConnectionsWriteTransaction(@TempDir Path dir) throws Exception {
        String id = storeWithOneRun(dir);
        Path file = dir.resolve(StoreLocation.DB_FILE);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch readerDone = new CountDownLatch(1);
        AtomicBoolean heldUntilReaderDone = new AtomicBoolean();
        Thread holder = new Thread(() -> {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("UPDATE runs SET name = 'held' WHERE run_uuid = '" + id + "'");
                locked.countDown();
                heldUntilReaderDone.set(readerDone.await(HOLD_AT_MOST_SECONDS, TimeUnit.SECONDS));
                st.execute("ROLLBACK");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        try (SqliteTrackingStore s = SqliteTrackingStore.openForReading(dir)) {
            assertEquals(id, s.getRun(id).info().runId());
            assertEquals(2, s.listExperiments(ViewType.ALL).size());
            assertEquals(0, s.db().retries(), "the reader never retried a busy database");
        } finally {
            readerDone.countDown();
        }
        holder.join();
        assertTrue(heldUntilReaderDone.get(), "the reader finished while the writer still held its lock");
    }

    @Test
    void aWriterWaitingForTheLockSaysSoAndNamesTheStore(@TempDir Path dir) throws Exception {
        storeWithOneRun(dir);
        Path file = dir.resolve(StoreLocation.DB_FILE);
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(Db.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (warnings) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                locked.countDown();
                Thread.sleep(1_800);
                st.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (SqliteTrackingStore s = SqliteTrackingStore.open(dir)) {
            holder.start();
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            s.getOrCreateExperiment("written-after-the-wait");
        } finally {
            logger.removeHandler(capture);
        }
        holder.join();
        synchronized (warnings) {
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(
                    warnings.get(0).contains("waiting for the store's write lock held by another process")
                            && warnings.get(0).contains(file.toString()),
                    warnings.get(0));
        }
    }

    @Test
    void aStoreNewerThanThisLatheIsAnErrorForReadersToo(@TempDir Path dir) throws Exception {
        storeWithOneRun(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreLocation.DB_FILE));
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (999, 'from the future', 0)");
        }
        LatheException e = assertThrows(LatheException.class, () -> SqliteTrackingStore.openForReading(dir));
        assertTrue(e.getMessage().contains("999") && e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void readingAStoreThatDoesNotExistCreatesAnEmptyOne(@TempDir Path dir) {
        Path root = dir.resolve("new");
        try (SqliteTrackingStore s = SqliteTrackingStore.openForReading(root)) {
            assertEquals(1, s.listExperiments(ViewType.ALL).size(), "the Default experiment");
        }
        assertTrue(Files.isRegularFile(root.resolve(StoreLocation.DB_FILE)));
    }
}
