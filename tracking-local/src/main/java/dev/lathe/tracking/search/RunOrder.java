package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import java.util.List;

/**
 * MLflow's run order as SQL an index can walk. The first order term splits the runs into segments
 * that follow each other in the result (for a metric: numbers, then NaN, then missing; for a param,
 * tag or attribute: present, then missing), each ordered by the term's value alone, so SQLite walks
 * the {@code (key, value)} index of {@code latest_metrics}, {@code params} or {@code tags} (or the
 * runs' start_time index) in order and stops after the page instead of sorting every run. The other
 * terms, then {@code start_time DESC} (unless start_time was ordered on) and {@code run_uuid}, break
 * ties inside a segment exactly as one ORDER BY over all runs does.
 */
final class RunOrder {
    /** Alias of the table the first order term drives the walk from. */
    private static final String DRIVER = "d";

    private RunOrder() {}

    /**
     * One segment of the first order term's values: the FROM clause joining {@code runs r}, the condition
     * selecting the segment (its bindings in order) and the ORDER BY term on the value, null when the
     * segment holds no value (missing ones).
     */
    record Segment(String from, String condition, List<Object> bindings, String valueOrder) {
        void addTo(SqlBuilder sql) {
            sql.whereBindings().addAll(bindings);
            sql.where(condition);
            if (valueOrder != null) {
                sql.orderBy(valueOrder);
            }
        }
    }

    /** The segments of {@code term}, in the order their runs come in the result. */
    static List<Segment> segments(SqlDialect dialect, OrderTerm term) {
        String dir = SqlPredicates.direction(term.ascending());
        String value = DRIVER + ".value";
        if (term.entity() == EntityType.ATTRIBUTE) {
            String column = RunSearchQuery.runColumn(term.key());
            return List.of(
                    new Segment("runs r", column + " IS NOT NULL", List.of(), column + " " + dir),
                    new Segment("runs r", column + " IS NULL", List.of(), null));
        }
        String table = table(term);
        String from = table + " " + DRIVER + " JOIN runs r ON r.run_uuid = " + DRIVER + ".run_uuid";
        String key = DRIVER + ".key = ?";
        String missing = "NOT EXISTS (SELECT 1 FROM " + table + " " + DRIVER + " WHERE " + DRIVER
                + ".run_uuid = r.run_uuid AND " + key;
        if (term.entity() == EntityType.METRIC) {
            return List.of(
                    new Segment(from, key + " AND " + DRIVER + ".is_nan = 0", List.of(term.key()), value + " " + dir),
                    new Segment(from, key + " AND " + DRIVER + ".is_nan = 1", List.of(term.key()), value + " " + dir),
                    new Segment("runs r", missing + ")", List.of(term.key()), null));
        }
        return List.of(
                new Segment(
                        from,
                        key + " AND " + value + " IS NOT NULL",
                        List.of(term.key()),
                        dialect.textOrder(value, dir)),
                new Segment("runs r", missing + " AND " + value + " IS NOT NULL)", List.of(term.key()), null));
    }

    /**
     * Adds the ORDER BY terms after the first: each further term (its table LEFT JOINed, present values
     * first, NaN metrics next, missing last), then {@code start_time DESC} unless any term orders on
     * start_time, then {@code run_uuid ASC}. With {@code from = 0} this is the whole order.
     */
    static void addTieBreaks(SqlBuilder sql, List<OrderTerm> terms, int from) {
        int n = 0;
        for (OrderTerm term : terms.subList(from, terms.size())) {
            String dir = SqlPredicates.direction(term.ascending());
            if (term.entity() == EntityType.ATTRIBUTE) {
                String column = RunSearchQuery.runColumn(term.key());
                sql.orderBy(SqlPredicates.nullsLast(column));
                sql.orderBy(column + " " + dir);
                continue;
            }
            String alias = "o" + (++n);
            sql.join(
                    "LEFT JOIN " + table(term) + " " + alias + " ON " + alias + ".run_uuid = r.run_uuid AND " + alias
                            + ".key = ?",
                    term.key());
            if (term.entity() == EntityType.METRIC) {
                sql.orderBy(
                        "CASE WHEN " + alias + ".is_nan = 1 THEN 1 WHEN " + alias + ".value IS NULL THEN 2 ELSE 0 END");
            } else {
                sql.orderBy(SqlPredicates.nullsLast(alias + ".value"));
            }
            sql.orderBy(alias + ".value " + dir);
        }
        boolean startTimeOrdered = terms.stream()
                .anyMatch(t -> t.entity() == EntityType.ATTRIBUTE && t.key().equals("start_time"));
        if (!startTimeOrdered) {
            sql.orderBy("r.start_time DESC");
        }
        sql.orderBy("r.run_uuid ASC");
    }

    private static String table(OrderTerm term) {
        return switch (term.entity()) {
            case METRIC -> "latest_metrics";
            case PARAM -> "params";
            case TAG -> "tags";
            default -> throw new InvalidParameterException(
                    "Cannot order runs by " + term.entity().label());
        };
    }
}
