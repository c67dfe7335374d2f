package dev.lathe.tracking.search;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Accumulates the parts of a search SELECT (joins, WHERE conditions, ORDER BY terms) each with its
 * own bindings, and assembles them in textual order so placeholders and bindings line up.
 */
final class SqlBuilder {
    private final String select;
    private final StringBuilder joins = new StringBuilder();
    private final List<Object> joinBindings = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private final List<Object> whereBindings = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();

    SqlBuilder(String select) {
        this.select = select;
    }

    void join(String sql, Object... bindings) {
        joins.append(' ').append(sql);
        joinBindings.addAll(List.of(bindings));
    }

    /** Adds a condition whose bindings the caller already appended through {@link #whereBindings()}. */
    void where(String condition) {
        where.add(condition);
    }

    List<Object> whereBindings() {
        return whereBindings;
    }

    void orderBy(String term) {
        orderBy.add(term);
    }

    /** {@code column IN (?, ?, ...)} over {@code values}, bound. */
    void whereIn(String column, List<?> values) {
        StringJoiner marks = new StringJoiner(", ", column + " IN (", ")");
        for (Object v : values) {
            marks.add("?");
            whereBindings.add(v);
        }
        where.add(marks.toString());
    }

    SqlQuery build(int offset, int limit) {
        StringBuilder sql = body();
        sql.append(" LIMIT ? OFFSET ?");
        List<Object> bindings = bindings();
        bindings.add(limit + 1);
        bindings.add(offset);
        return new SqlQuery(sql.toString(), bindings, offset, limit);
    }

    /**
     * One page over the concatenation of {@code segments}, in their order: each segment's ordered rows
     * are cut to the {@code offset + limit + 1} the page can reach (so SQLite stops walking early), then
     * {@code LIMIT ? OFFSET ?} applies to the whole. SQLite runs the segments one after the other and
     * skips the rest once the limit is reached. Each segment must select one column named {@code column}.
     */
    static SqlQuery unionAll(String column, List<SqlBuilder> segments, int offset, int limit) {
        StringBuilder sql = new StringBuilder();
        List<Object> bindings = new ArrayList<>();
        int arm = 0;
        for (SqlBuilder segment : segments) {
            if (sql.length() > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT ")
                    .append(column)
                    .append(" FROM (")
                    .append(segment.body())
                    .append(" LIMIT ?) AS segment")
                    .append(arm++);
            bindings.addAll(segment.bindings());
            bindings.add((long) offset + limit + 1);
        }
        sql.append(" LIMIT ? OFFSET ?");
        bindings.add(limit + 1);
        bindings.add(offset);
        return new SqlQuery(sql.toString(), bindings, offset, limit);
    }

    /** The statement without its LIMIT: select, joins, WHERE and ORDER BY. */
    private StringBuilder body() {
        StringBuilder sql = new StringBuilder(select).append(joins);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        return sql;
    }

    /** The bindings of {@link #body()} in textual order. */
    private List<Object> bindings() {
        List<Object> bindings = new ArrayList<>(joinBindings);
        bindings.addAll(whereBindings);
        return bindings;
    }
}
