package dev.lathe.tracking.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run inside one transaction by a {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
