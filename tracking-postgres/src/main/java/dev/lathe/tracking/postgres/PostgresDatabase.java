package dev.lathe.tracking.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.tracking.search.SqlDialect;
import dev.lathe.tracking.sqlite.Database;
import dev.lathe.tracking.sqlite.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bounded pool of PostgreSQL connections (HikariCP) that runs each unit of work in one transaction,
 * and the single place that retries a transaction PostgreSQL aborted for a deadlock (40P01), a
 * serialization failure (40001) or a unique key another transaction took first (23505: a row two
 * writers both found missing), a bounded number of times with jittered backoff, re-running the whole
 * unit so that its checks see what the other writer committed.
 */
final class PostgresDatabase implements Database {
    /** The session setting that holds the artifact root the location function resolves against. */
    static final String ARTIFACT_ROOT_SETTING = "lathe.artifact_root";

    static final int MAX_ATTEMPTS = 20;
    private static final Set<String> RETRIED = Set.of("40P01", "40001", "23505");
    private static final long MAX_BACKOFF_MS = 200;

    private final PostgresLocation location;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresLocation location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /** Opens the pool: at most {@link PostgresLocation#pool()} connections, each opened when first needed. */
    static PostgresDatabase open(PostgresLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        location.user().ifPresent(config::setUsername);
        location.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(location.pool());
        // Connections opened on demand only (a minimum idle count would open one more beside each one in
        // use), closed after 10 s unused: a worker logging from one thread holds one connection.
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setPoolName("lathe-postgres-" + location.redacted());
        // Values bound as strings take the type of what they are compared with (a text id with a bigint
        // column), as in SQLite.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "lathe");
        // JDBC batches of single-row inserts go as multi-row INSERTs: one round trip per 128 rows, not per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        location.schema().ifPresent(s -> config.addDataSourceProperty("currentSchema", s));
        // No parallel plans: the search's UNION ALL arms then come back in their order, each walked in
        // index order; and a 2-core machine serving many workers gains nothing from parallel workers.
        // Every statement planned for its values (the driver prepares repeated statements on the server,
        // whose generic plan for a search cannot know its LIMIT or how selective its filter is: a filtered
        // page of 100 of 100,000 runs took 1.6 s with it, 0.08 s planned for its values).
        config.setConnectionInitSql("SET " + ARTIFACT_ROOT_SETTING + " = '"
                + location.artifactRoot().toString().replace("'", "''")
                + "'; SET max_parallel_workers_per_gather = 0; SET plan_cache_mode = force_custom_plan");
        config.setInitializationFailTimeout(-1);
        try {
            return new PostgresDatabase(location, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot connect to the PostgreSQL tracking store " + location.redacted() + ": " + e.getMessage(),
                    e);
        }
    }

    /** A connection of the pool for work outside {@link #read}/{@link #write} (migrations); close it. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return transaction("BEGIN", work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", work);
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    public String location() {
        return location.redacted();
    }

    private <T> T transaction(String begin, SqlWork<T> work) {
        LatheException.check(ErrorCode.INVALID_STATE, !pool.isClosed(), "tracking store %s is closed", location());
        long backoff = 2;
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                return attempt(c, begin, work);
            } catch (SQLException | RuntimeException e) {
                String state = sqlState(e);
                if (state == null || !RETRIED.contains(state) || attempt >= MAX_ATTEMPTS) {
                    if (e instanceof RuntimeException r && !(state != null && RETRIED.contains(state))) {
                        throw r;
                    }
                    throw new StorageException(
                            "PostgreSQL error on " + location() + (attempt > 1 ? " after " + attempt + " attempts" : "")
                                    + ": " + e.getMessage(),
                            e);
                }
                sleep(ThreadLocalRandom.current().nextLong(1, backoff + 1));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static <T> T attempt(Connection c, String begin, SqlWork<T> work) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(begin);
        }
        boolean done = false;
        try {
            T result = work.run(c);
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        }
    }

    /** The SQLSTATE of the first {@link SQLException} in {@code e}'s causes, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while retrying a PostgreSQL transaction", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
