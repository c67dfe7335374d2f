package dev.lathe.tracking.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work without a result, run inside one write transaction by a {@link Database}. */
@FunctionalInterface
public interface SqlAction {
    void run(Connection connection) throws SQLException;
}
