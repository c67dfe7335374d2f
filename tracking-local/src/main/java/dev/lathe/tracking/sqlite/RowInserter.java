package dev.lathe.tracking.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts many rows of one table with multi-row {@code VALUES} statements, {@value #CHUNK} rows per
 * statement execution (the full-chunk statement is prepared once): with sqlite-jdbc a statement
 * execution costs several microseconds beyond SQLite's own work, so a thousand rows go in ten
 * executions instead of a thousand.
 */
final class RowInserter implements AutoCloseable {
    static final int CHUNK = 64;

    private final Connection c;
    private final String head;
    private final String row;
    private final String tail;
    private final int columns;
    private final List<Object[]> pending = new ArrayList<>();
    private PreparedStatement full;

    /**
     * Statements of the form {@code head + row + "," + row ... + tail}, where {@code row} is
     * {@code "(?, ?, ...)"} with {@code columns} placeholders and {@code tail} may hold an ON CONFLICT
     * clause.
     */
    RowInserter(Connection c, String head, int columns, String tail) {
        this.c = c;
        this.head = head;
        this.columns = columns;
        this.row = "(" + "?, ".repeat(columns - 1) + "?)";
        this.tail = tail;
    }

    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("row has " + values.length + " values, table insert takes " + columns);
        }
        pending.add(values);
        if (pending.size() == CHUNK) {
            if (full == null) {
                full = c.prepareStatement(sql(CHUNK));
            }
            execute(full);
        }
    }

    /** Writes the rows still pending. */
    void flush() throws SQLException {
        if (!pending.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql(pending.size()))) {
                execute(ps);
            }
        }
    }

    private void execute(PreparedStatement ps) throws SQLException {
        int i = 0;
        for (Object[] values : pending) {
            Sql.bindAt(ps, i, values);
            i += columns;
        }
        ps.executeUpdate();
        pending.clear();
    }

    private String sql(int rows) {
        StringBuilder sb = new StringBuilder(head.length() + rows * (row.length() + 1) + tail.length() + 2);
        sb.append(head).append(' ');
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ",").append(row);
        }
        return sb.append(' ').append(tail).toString();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
