package dev.lathe.tracking.postgres;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.tracking.sqlite.Migration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the pending migrations exactly once however many processes open the store at the same time
 * (8 workers starting together on an empty database): one transaction takes a transaction-scoped
 * advisory lock ({@code pg_advisory_xact_lock}, keyed by the schema), creates the schema and the
 * {@code lathe_schema_version} table when missing, reads the applied versions and applies the others in
 * order. PostgreSQL's DDL is transactional, so a migration that fails leaves nothing half applied; the
 * next opener, which waited on the lock, finds every version recorded and does nothing.
 */
final class PostgresMigrator {
    /** First key of the advisory lock, Lathe's own; the second is the schema's hash. */
    static final int LOCK_CLASS = 0x1a7e;

    private final List<Migration> migrations;

    PostgresMigrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** Brings the database to the latest version; returns how many migrations this call applied. */
    int migrate(PostgresDatabase db, Optional<String> schema) {
        try (Connection c = db.connection()) {
            return migrate(c, db.location(), schema);
        } catch (SQLException e) {
            throw new StorageException("cannot migrate the tracking store " + db.location() + ": " + e.getMessage(), e);
        }
    }

    private int migrate(Connection c, String where, Optional<String> schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
        }
        boolean done = false;
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, schema.orElse(""));
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                if (schema.isPresent()) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + schema.get());
                }
                st.execute("CREATE TABLE IF NOT EXISTS lathe_schema_version (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, applied_time BIGINT NOT NULL)");
            }
            Set<Integer> applied = new HashSet<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version FROM lathe_schema_version")) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            LatheException.check(
                    newest <= latestVersion(),
                    "tracking store %s has schema version %d, newer than this Lathe supports (%d); upgrade Lathe",
                    where,
                    newest,
                    latestVersion());
            int count = 0;
            for (Migration m : migrations) {
                if (applied.contains(m.version())) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO lathe_schema_version (version, description, applied_time) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                count++;
            }
            try (Statement st = c.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
            return count;
        } finally {
            if (!done) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        }
    }
}
