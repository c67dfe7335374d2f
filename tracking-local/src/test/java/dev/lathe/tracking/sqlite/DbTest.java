package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The busy-retry path, transaction rollback on errors, and the shutdown hook's lifetime. */
class DbTest {
    private static final int SHORT_BUSY_TIMEOUT_MS = 20;
    private static final long HOLD_LOCK_MS = 600;

    @Test
    void writeWaitsOutAnotherProcessesLockWithRetries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.db");
        try (Db db = Db.open(file, SHORT_BUSY_TIMEOUT_MS)) {
            db.execute(c -> Sql.update(c, "CREATE TABLE t (x INTEGER)"));
            CountDownLatch locked = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement st = other.createStatement()) {
                    st.execute("BEGIN IMMEDIATE");
                    st.execute("INSERT INTO t VALUES (1)");
                    locked.countDown();
                    Thread.sleep(HOLD_LOCK_MS);
                    st.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            holder.start();
            locked.await();
            long start = System.nanoTime();
            db.execute(c -> Sql.update(c, "INSERT INTO t VALUES (2)"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            holder.join();
            assertTrue(db.retries() > 0, "expected busy retries");
            assertTrue(waitedMs >= HOLD_LOCK_MS / 2, "write returned after " + waitedMs + " ms");
            assertEquals(3, (int) db.read(c ->
                    Sql.queryOne(c, "SELECT SUM(x) FROM t", rs -> rs.getInt(1)).orElseThrow()));
        }
    }

    @Test
    void failedWorkIsRolledBack(@TempDir Path dir) {
        try (Db db = Db.open(dir.resolve("t.db"))) {
            db.execute(c -> Sql.update(c, "CREATE TABLE t (x INTEGER)"));
            assertThrows(
                    LatheException.class,
                    () -> db.execute(c -> {
                        Sql.update(c, "INSERT INTO t VALUES (1)");
                        throw new LatheException("rule broken");
                    }));
            LatheException sql = assertThrows(
                    LatheException.class,
                    () -> db.execute(c -> {
                        Sql.update(c, "INSERT INTO t VALUES (1)");
                        Sql.update(c, "INSERT INTO missing VALUES (1)");
                    }));
            assertTrue(sql.getMessage().contains("t.db") && sql.getMessage().contains("missing"), sql.getMessage());
            assertEquals(0, (int) db.read(c -> Sql.queryOne(c, "SELECT COUNT(*) FROM t", rs -> rs.getInt(1))
                    .orElseThrow()));
        }
    }

    @Test
    void shutdownHookIsRegisteredWhileOpenAndRemovedOnClose(@TempDir Path dir) {
        SqliteTrackingStore store = SqliteTrackingStore.open(dir);
        Thread hook = store.shutdownHook();
        assertTrue(Runtime.getRuntime().removeShutdownHook(hook), "hook should be registered while open");
        Runtime.getRuntime().addShutdownHook(hook);
        store.close();
        assertFalse(Runtime.getRuntime().removeShutdownHook(hook), "hook should be removed on close");
        store.close();
    }

    @Test
    void aClosedStoreSaysSo(@TempDir Path dir) {
        SqliteTrackingStore store = SqliteTrackingStore.open(dir);
        store.close();
        LatheException e = assertThrows(LatheException.class, () -> store.getExperiment("0"));
        assertTrue(e.getMessage().contains("is closed") && e.getMessage().contains("lathe.db"), e.getMessage());
    }
}
