package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies pending migrations once, even when several threads or processes open the store at the same
 * time: the applied versions are read and the steps are applied inside one {@code BEGIN IMMEDIATE}
 * transaction, so the second opener waits, re-checks and finds nothing to do. Versions increase; each
 * one not yet recorded in {@code schema_version} is applied, in order, so a step numbered past a gap (one
 * that lands later) still reaches stores that already have the higher ones.
 */
final class SchemaMigrator {
    private final List<Migration> migrations;

    SchemaMigrator(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            int previous = i == 0 ? 0 : migrations.get(i - 1).version();
            LatheException.check(
                    migrations.get(i).version() > previous,
                    "migrations must be numbered in increasing order; position %d has version %d after %d",
                    i,
                    migrations.get(i).version(),
                    previous);
        }
        this.migrations = List.copyOf(migrations);
    }

    int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    private List<Migration> missing(Connection c) throws SQLException {
        Set<Integer> applied = new HashSet<>(Sql.query(c, "SELECT version FROM schema_version", rs -> rs.getInt(1)));
        return migrations.stream().filter(m -> !applied.contains(m.version())).toList();
    }

    /** Brings the database to the latest version; returns how many steps this call applied. */
    int migrate(Db db) {
        return db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, applied_time INTEGER NOT NULL)");
            }
            int current = currentVersion(c);
            checkNotNewer(db, current);
            int applied = 0;
            for (Migration m : missing(c)) {
                try (Statement st = c.createStatement()) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_time) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                applied++;
            }
            return applied;
        });
    }

    /**
     * How many migrations the database still needs, read without writing (0: it is current); a database
     * newer than this Lathe is an error.
     */
    int pending(Db db) {
        int[] currentAndMissing = db.read(c -> {
            boolean exists = Sql.queryOne(
                                    c,
                                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                                    rs -> rs.getInt(1))
                            .orElse(0)
                    > 0;
            return exists ? new int[] {currentVersion(c), missing(c).size()} : new int[] {0, migrations.size()};
        });
        int current = currentAndMissing[0];
        checkNotNewer(db, current);
        return currentAndMissing[1];
    }

    private void checkNotNewer(Db db, int current) {
        LatheException.check(
                current <= latestVersion(),
                "tracking store %s has schema version %d, newer than this Lathe supports (%d); upgrade Lathe",
                db.file(),
                current,
                latestVersion());
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
