package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.tracking.search.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection (WAL, busy_timeout, foreign keys) shared by the threads of a store, with
 * transactions and the single place that retries SQLITE_BUSY/SQLITE_LOCKED with exponential backoff,
 * so that no caller ever sees "database is locked". Writes run in {@code BEGIN IMMEDIATE}; a writer that
 * waits longer than its busy timeout (1 s) for another process's write lock logs that it is waiting, and
 * gives up after {@link #RETRY_DEADLINE_MS} with an error naming the file. A read-only connection (SQLite's
 * {@code mode=ro}) never writes and, in WAL mode, never waits on a writer.
 */
final class Db implements Database {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(Db.class.getName());
    private static final int BUSY_TIMEOUT_MS = 1_000;
    private static final long RETRY_DEADLINE_MS = 120_000;
    private static final long MAX_BACKOFF_MS = 250;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private long retries;
    private boolean closed;

    private Db(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (creating when absent) the database file; a file that is not SQLite is rejected untouched. */
    static Db open(Path file) {
        return open(file, BUSY_TIMEOUT_MS);
    }

    /** As {@link #open(Path)} with SQLite's own busy wait set to {@code busyTimeoutMs} before we retry. */
    static Db open(Path file, int busyTimeoutMs) {
        checkHeader(file);
        Connection c = retrying(file, "open", () -> {
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + busyTimeoutMs);
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                // Up to 128 MiB of page cache (SQLite's default is 2 MiB; it grows only with the pages read,
                // so a small store stays small): tag and param rows keyed by random run ids land on scattered
                // B-tree pages; batch writes of many runs and a filtered search page over 100,000 runs
                // (thousands of primary-key lookups) touch most of them (4x faster than with 32 MiB there).
                st.execute("PRAGMA cache_size = -131072");
            } catch (SQLException e) {
                conn.close();
                throw e;
            }
            return conn;
        });
        return new Db(file, withStorePaths(file, c), false);
    }

    /**
     * Opens an existing database file read-only (SQLite's {@code mode=ro}): no pragma or transaction that
     * writes, so a read-only copy opens and a writer's lock in WAL mode does not block it. When the file's
     * directory is not writable either (SQLite cannot create the WAL's shared-memory file there), the file
     * is opened {@code immutable}, as nobody can be writing it.
     */
    static Db openReadOnly(Path file) {
        checkHeader(file);
        LatheException.check(Files.isRegularFile(file), "tracking store file %s does not exist", file);
        Path absolute = file.toAbsolutePath();
        boolean immutable = !Files.isWritable(absolute.getParent());
        Connection c = retrying(file, "open for reading", () -> {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            String url = immutable ? "jdbc:sqlite:" + absolute.toUri() + "?immutable=1" : "jdbc:sqlite:" + absolute;
            return DriverManager.getConnection(url, config.toProperties());
        });
        return new Db(file, withStorePaths(file, c), true);
    }

    /** {@code c} with the store's SQL functions ({@link StorePaths#registerIn}) for the store holding {@code file}. */
    private static Connection withStorePaths(Path file, Connection c) {
        try {
            new StorePaths(file.toAbsolutePath().getParent()).registerIn(c);
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StorageException("cannot prepare tracking store " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction (BEGIN IMMEDIATE), retrying when the database is busy. */
    @Override
    public <T> T write(SqlWork<T> work) {
        LatheException.check(
                ErrorCode.INVALID_STATE,
                !readOnly,
                "tracking store %s was opened for reading only; a command that writes opens it for writing",
                file);
        return transaction("BEGIN IMMEDIATE", work);
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** Runs {@code work} in a read transaction, so that it sees one consistent snapshot. */
    @Override
    public <T> T read(SqlWork<T> work) {
        return transaction("BEGIN", work);
    }

    /** How many times a busy database was retried since opening (for diagnostics and tests). */
    long retries() {
        lock.lock();
        try {
            return retries;
        } finally {
            lock.unlock();
        }
    }

    private <T> T transaction(String begin, SqlWork<T> work) {
        lock.lock();
        try {
            LatheException.check(!closed, "tracking store %s is closed", file);
            long start = System.currentTimeMillis();
            long deadline = start + RETRY_DEADLINE_MS;
            long backoff = 2;
            boolean told = false;
            while (true) {
                try {
                    return attempt(begin, work);
                } catch (SQLException e) {
                    if (!isBusy(e)) {
                        throw new StorageException("SQLite error on " + file + ": " + e.getMessage(), e);
                    }
                    long now = System.currentTimeMillis();
                    if (now > deadline) {
                        throw new StorageException(
                                "gave up after " + (now - start) / 1000 + " s waiting for the store's "
                                        + (readOnly ? "database" : "write lock")
                                        + ", held by another process, on " + file + ": " + e.getMessage(),
                                e);
                    }
                    if (!told && now - start >= BUSY_TIMEOUT_MS) {
                        told = true;
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "waiting for the store's write lock held by another process on " + file
                                        + " (giving up after " + RETRY_DEADLINE_MS / 1000 + " s)");
                    }
                    retries++;
                    sleep(ThreadLocalRandom.current().nextLong(1, backoff + 1));
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T attempt(String begin, SqlWork<T> work) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(begin);
        }
        boolean done = false;
        try {
            T result = work.run(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active" after SQLite rolled back by itself is fine; anything else is not.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close SQLite store " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return code == SQLITE_BUSY
                || code == SQLITE_LOCKED
                || msg.contains("SQLITE_BUSY")
                || msg.contains("SQLITE_LOCKED")
                || msg.contains("database is locked");
    }

    private interface Opener<T> {
        T open() throws SQLException;
    }

    private static <T> T retrying(Path file, String what, Opener<T> opener) {
        long deadline = System.currentTimeMillis() + RETRY_DEADLINE_MS;
        long backoff = 2;
        while (true) {
            try {
                return opener.open();
            } catch (SQLException e) {
                if (isBusy(e) && System.currentTimeMillis() < deadline) {
                    sleep(ThreadLocalRandom.current().nextLong(1, backoff + 1));
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                    continue;
                }
                throw new StorageException(
                        "cannot " + what + " tracking store file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void checkHeader(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            byte[] head = new byte[SQLITE_HEADER.length];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            LatheException.check(
                    n == head.length && Arrays.equals(head, SQLITE_HEADER),
                    "tracking store file %s is not a SQLite database (its header is not 'SQLite format 3');"
                            + " it was left untouched",
                    file);
        } catch (IOException e) {
            throw new StorageException("cannot read tracking store file " + file + ": " + e, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while waiting for a busy SQLite database", e);
        }
    }
}
