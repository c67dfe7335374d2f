package dev.lathe.tracking.search;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameterised search statement: {@code sql} with {@code ?} placeholders and their {@code bindings}
 * in order (user values are only ever bound, never spliced in). The statement ends with
 * {@code LIMIT ? OFFSET ?} bound to {@code limit + 1} and {@code offset}: the extra row tells whether a
 * next page exists. Use {@link #execute} or, with your own JDBC code, {@link #page}.
 */
public record SqlQuery(String sql, List<Object> bindings, int offset, int limit) {
    public SqlQuery {
        Objects.requireNonNull(sql, "sql");
        bindings = List.copyOf(bindings);
        LatheException.check(offset >= 0, "offset must be >= 0, got %d", offset);
        LatheException.check(limit >= 1, "limit must be >= 1, got %d", limit);
    }

    /** Binds {@link #bindings} to {@code statement} in order. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < bindings.size(); i++) {
            statement.setObject(i + 1, bindings.get(i));
        }
    }

    /**
     * Turns the rows read from this query (up to {@code limit + 1}) into a page: at most {@code limit}
     * items and a next-page token when the extra row was present.
     */
    public <T> SearchPage<T> page(List<T> rowsRead) {
        if (rowsRead.size() > limit) {
            return new SearchPage<>(rowsRead.subList(0, limit), Optional.of(PageToken.encode(offset + limit)));
        }
        return new SearchPage<>(rowsRead, Optional.empty());
    }

    /** Runs the query on {@code connection} and reads each row with {@code reader}. */
    public <T> SearchPage<T> execute(Connection connection, RowReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return page(rows);
        } catch (SQLException e) {
            // The generated statement stays out of the message: it can be megabytes and is no help to a user.
            throw new StorageException("Search query failed: " + e.getMessage(), e);
        }
    }
}
