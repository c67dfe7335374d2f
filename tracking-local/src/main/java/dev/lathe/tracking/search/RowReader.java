package dev.lathe.tracking.search;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one result row of a {@link SqlQuery} into a value, e.g. {@code rs -> rs.getString(1)}. */
@FunctionalInterface
public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
}
