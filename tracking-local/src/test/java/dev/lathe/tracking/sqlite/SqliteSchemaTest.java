package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned schema and migrations, pragmas, and refusal to open (or touch) a corrupt store file. */
class SqliteSchemaTest {
    private static final long GARBAGE_SEED = 7L;

    private static List<Migration> withCounter() {
        List<Migration> ms = new ArrayList<>(Schema.migrations());
        ms.add(new Migration(
                ms.get(ms.size() - 1).version() + 1,
                "test counter",
                List.of(
                        "CREATE TABLE IF NOT EXISTS migration_runs (n INTEGER)",
                        "INSERT INTO migration_runs (n) VALUES (1)")));
        return ms;
    }

    @Test
    void freshStoreIsAtTheLatestVersionWithWalAndForeignKeys(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            int version = store.db().read(SchemaMigrator::currentVersion);
            assertEquals(new SchemaMigrator(Schema.migrations()).latestVersion(), version);
            assertEquals(
                    8,
                    version,
                    "schema version; migration 5 records store paths relative to the store, 6 adds the run owners,"
                            + " 7 the history index and the experiment keys, 8 the trial queues");
            assertEquals(
                    List.of(1, 2, 3, 4, 5, 6, 7, 8),
                    store.db()
                            .read(c -> Sql.query(
                                    c, "SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt(1))));
            List<String> runIndexes = store.db()
                    .read(c -> Sql.query(
                            c,
                            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_run'",
                            rs -> rs.getString(1)));
            assertTrue(
                    runIndexes.containsAll(List.of("index_tags_run", "index_params_run", "index_latest_metrics_run")),
                    "run_uuid indexes: " + runIndexes);
            String journal = store.db().read(c -> Sql.queryOne(c, "PRAGMA journal_mode", rs -> rs.getString(1))
                    .orElseThrow());
            assertEquals("wal", journal);
            int fk = store.db().read(c -> Sql.queryOne(c, "PRAGMA foreign_keys", rs -> rs.getInt(1))
                    .orElseThrow());
            assertEquals(1, fk);
            List<String> indexes = store.db()
                    .read(c -> Sql.query(
                            c,
                            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'index_%'",
                            rs -> rs.getString(1)));
            assertTrue(indexes.contains("index_params_order") && indexes.contains("index_runs_experiment_start"));
            assertTrue(indexes.contains("index_latest_metrics_order"), "indexes: " + indexes);
            assertFalse(indexes.contains("index_latest_metrics_key"), "replaced by index_latest_metrics_order");
            assertTrue(
                    indexes.contains("index_tags_order") && !indexes.contains("index_tags_key"), "indexes: " + indexes);
        }
    }

    @Test
    void pendingMigrationsAreAppliedOnceOnReopen(@TempDir Path dir) {
        SqliteTrackingStore.open(dir).close();
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir, withCounter())) {
            assertEquals(new SchemaMigrator(withCounter()).latestVersion(), (int)
                    store.db().read(SchemaMigrator::currentVersion));
        }
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir, withCounter())) {
            assertEquals(1, count(store));
        }
    }

    @Test
    void concurrentOpenersMigrateExactlyOnce(@TempDir Path dir) throws Exception {
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(new Thread(() -> {
                try (SqliteTrackingStore store = SqliteTrackingStore.open(dir, withCounter())) {
                    store.getOrCreateExperiment("shared");
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), () -> "opener failed: " + errors.get(0));
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir, withCounter())) {
            assertEquals(1, count(store));
            int versions = store.db()
                    .read(c -> Sql.queryOne(c, "SELECT COUNT(*) FROM schema_version", rs -> rs.getInt(1))
                            .orElseThrow());
            assertEquals(withCounter().size(), versions);
        }
    }

    @Test
    void aStoreFromANewerLatheIsRefused(@TempDir Path dir) {
        SqliteTrackingStore.open(dir, withCounter()).close();
        LatheException e = assertThrows(LatheException.class, () -> SqliteTrackingStore.open(dir));
        assertTrue(e.getMessage().contains("newer") && e.getMessage().contains("lathe.db"), e.getMessage());
    }

    @Test
    void migrationsMustBeNumberedInOrder() {
        assertThrows(
                LatheException.class,
                () -> new SchemaMigrator(List.of(
                        new Migration(2, "two", List.of("SELECT 1")), new Migration(1, "one", List.of("SELECT 1")))));
        assertThrows(
                LatheException.class,
                () -> new SchemaMigrator(List.of(
                        new Migration(1, "one", List.of("SELECT 1")), new Migration(1, "again", List.of("SELECT 1")))));
    }

    /** A step numbered below one a store already has (it landed later) is still applied, once. */
    @Test
    void aMigrationThatLandsBelowTheLatestIsStillApplied(@TempDir Path dir) {
        Migration one = new Migration(1, "one", List.of("CREATE TABLE one (x INTEGER)"));
        Migration two = new Migration(2, "two", List.of("CREATE TABLE two (x INTEGER)"));
        Migration three = new Migration(3, "three", List.of("CREATE TABLE three (x INTEGER)"));
        try (Db db = Db.open(dir.resolve("t.db"))) {
            assertEquals(2, new SchemaMigrator(List.of(one, three)).migrate(db));
            assertEquals(1, new SchemaMigrator(List.of(one, two, three)).pending(db));
            assertEquals(1, new SchemaMigrator(List.of(one, two, three)).migrate(db));
            assertEquals(0, new SchemaMigrator(List.of(one, two, three)).migrate(db));
            assertEquals(
                    List.of("one", "three", "two"),
                    db.read(c -> Sql.query(
                            c,
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('one','two','three')"
                                    + " ORDER BY name",
                            rs -> rs.getString(1))));
        }
    }

    @Test
    void garbageFileIsRefusedAndLeftUntouched(@TempDir Path dir) throws Exception {
        byte[] garbage = new byte[4096];
        new Random(GARBAGE_SEED).nextBytes(garbage);
        Path db = dir.resolve(StoreLocation.DB_FILE);
        Files.write(db, garbage);
        LatheException e = assertThrows(LatheException.class, () -> SqliteTrackingStore.open(dir));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(db));
    }

    @Test
    void fileWithSqliteHeaderButCorruptBodyIsRefusedAndLeftUntouched(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[8192];
        new Random(GARBAGE_SEED).nextBytes(bytes);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Path db = dir.resolve(StoreLocation.DB_FILE);
        Files.write(db, bytes);
        LatheException e = assertThrows(LatheException.class, () -> SqliteTrackingStore.open(dir));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(db));
    }

    private static int count(SqliteTrackingStore store) {
        return store.db().read(c -> Sql.queryOne(c, "SELECT COUNT(*) FROM migration_runs", rs -> rs.getInt(1))
                .orElseThrow());
    }
}
