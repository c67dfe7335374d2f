package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.tracking.search.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reads behind a UI over a large store, each a few statements prepared on an index, on SQLite and
 * PostgreSQL alike: a metric history thinned for a chart inside the database (per step interval, a min and
 * a max over a range of the covering history index, so a million points never cross JDBC), min/max
 * summaries of many runs' metrics in one grouped query, and the keys an experiment's runs logged (a table
 * kept by triggers: SQLite's migration 7, PostgreSQL's 6).
 */
public final class RunDataViews {
    /** The table that lists every metric, param and (non-system) tag key per experiment. */
    public static final String EXPERIMENT_KEYS = "lathe_experiment_keys";

    private static final String HISTORY_WHERE = " FROM metrics WHERE run_uuid = ? AND key = ? AND step BETWEEN ? AND ?";

    private RunDataViews() {}

    /** The table holding a kind's keys per run. */
    public static String table(RunDataKind kind) {
        return switch (kind) {
            case METRIC -> "latest_metrics";
            case PARAM -> "params";
            case TAG -> "tags";
        };
    }

    static List<Metric> sampleHistory(
            Connection c, SqlDialect dialect, String runId, String key, long first, long last, int maxPoints)
            throws SQLException {
        String points = "SELECT key, value, timestamp, step, is_nan, is_inf" + HISTORY_WHERE;
        List<Metric> few = Sql.query(
                c,
                points + " ORDER BY step, timestamp, value LIMIT ?",
                RunDataDao::metric,
                runId,
                key,
                first,
                last,
                maxPoints + 1);
        if (few.size() <= maxPoints) {
            return few;
        }
        Metric head = few.get(0);
        Metric tail = Sql.queryOne(
                        c,
                        points + " ORDER BY step DESC, timestamp DESC, value DESC LIMIT 1",
                        RunDataDao::metric,
                        runId,
                        key,
                        first,
                        last)
                .orElseThrow();
        List<Metric> out = new ArrayList<>();
        out.add(head);
        HistorySampler intervals = new HistorySampler(head.step(), tail.step(), maxPoints);
        if (intervals.intervals() > 0) {
            List<Metric> lows = extremes(c, dialect, false, runId, key, head, tail, intervals);
            List<Metric> highs = extremes(c, dialect, true, runId, key, head, tail, intervals);
            for (int i = 0; i < lows.size(); i++) {
                Metric lo = lows.get(i);
                Metric hi = highs.get(i);
                if (lo == null) {
                    continue; // no point, or only NaN points, in this interval
                }
                if (lo.equals(hi)) {
                    out.add(lo);
                } else {
                    out.addAll(HISTORY_ORDER.compare(lo, hi) <= 0 ? List.of(lo, hi) : List.of(hi, lo));
                }
            }
        }
        if (maxPoints > 1) {
            out.add(tail);
        }
        return out;
    }

    /** History order: step, then timestamp, then value, as getMetricHistory. */
    private static final Comparator<Metric> HISTORY_ORDER = Comparator.comparingLong(Metric::step)
            .thenComparingLong(Metric::timestamp)
            .thenComparingDouble(Metric::value);

    /** Leaves out a point (the first or last): its four bindings are step, timestamp, value, is_nan. */
    private static final String NOT_POINT = " AND NOT (step = ? AND timestamp = ? AND value = ? AND is_nan = ?)";

    /**
     * Each of {@link HistorySampler}'s step intervals' point of smallest (or, {@code max}, largest) value,
     * null for an interval without a non-NaN point; NaN points and the first and last points take no
     * part, as in the sampler. Each interval is one range of the covering history index. SQLite answers
     * one aggregate per interval on one prepared statement (a lone min() or max() gives its other columns
     * from the row holding it); PostgreSQL has no such aggregate, and answers every interval in one
     * statement, the first point of the interval in value order (the sampler's choice among equals).
     */
    private static List<Metric> extremes(
            Connection c,
            SqlDialect dialect,
            boolean max,
            String runId,
            String key,
            Metric head,
            Metric tail,
            HistorySampler intervals)
            throws SQLException {
        return dialect == SqlDialect.SQLITE
                ? perInterval(c, max ? "max" : "min", runId, key, head, tail, intervals)
                : allIntervals(c, max, runId, key, head, tail, intervals);
    }

    private static List<Metric> perInterval(
            Connection c, String fn, String runId, String key, Metric head, Metric tail, HistorySampler intervals)
            throws SQLException {
        String sql = "SELECT key, " + fn + "(value), timestamp, step, is_nan, is_inf" + HISTORY_WHERE
                + " AND is_nan = 0" + NOT_POINT + NOT_POINT;
        List<Metric> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            long start = intervals.intervalStart(0);
            for (int i = 0; i < intervals.intervals(); i++) {
                long next = intervals.intervalStart(i + 1);
                Sql.bind(ps, runId, key, start, next - 1);
                bindPoints(ps, 5, head, tail);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getDouble(2);
                    out.add(rs.wasNull() ? null : RunDataDao.metric(rs));
                }
                start = next;
            }
        }
        return out;
    }

    private static List<Metric> allIntervals(
            Connection c, boolean max, String runId, String key, Metric head, Metric tail, HistorySampler intervals)
            throws SQLException {
        String sql = "SELECT m.key, m.value, m.timestamp, m.step, m.is_nan, m.is_inf, b.n"
                + " FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS b(lo, hi, n)"
                + " CROSS JOIN LATERAL (SELECT key, value, timestamp, step, is_nan, is_inf FROM metrics"
                + " WHERE run_uuid = ? AND key = ? AND step BETWEEN b.lo AND b.hi AND is_nan = 0" + NOT_POINT
                + NOT_POINT + " ORDER BY value" + (max ? " DESC" : "") + ", step, timestamp LIMIT 1) m";
        int n = intervals.intervals();
        Long[] lows = new Long[n];
        Long[] highs = new Long[n];
        for (int i = 0; i < n; i++) {
            lows[i] = intervals.intervalStart(i);
            highs[i] = intervals.intervalStart(i + 1) - 1;
        }
        List<Metric> out = new ArrayList<>(Collections.nCopies(n, null));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", lows));
            ps.setArray(2, c.createArrayOf("bigint", highs));
            ps.setString(3, runId);
            ps.setString(4, key);
            bindPoints(ps, 5, head, tail);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.set(rs.getInt(7) - 1, RunDataDao.metric(rs));
                }
            }
        }
        return out;
    }

    /** Binds {@link #NOT_POINT} twice from {@code at}: the first point, then the last. */
    private static void bindPoints(PreparedStatement ps, int at, Metric head, Metric tail) throws SQLException {
        for (Metric m : List.of(head, tail)) {
            ps.setLong(at++, m.step());
            ps.setLong(at++, m.timestamp());
            ps.setDouble(at++, MetricValues.stored(m.value()));
            ps.setInt(at++, MetricValues.isNan(m.value()));
        }
    }

    static List<MetricSummary> summarize(Connection c, Collection<String> runIds, Collection<String> keys)
            throws SQLException {
        if (runIds.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(runIds);
        args.addAll(keys);
        return Sql.query(
                c,
                "SELECT run_uuid, key, min(value), max(value), count(*),"
                        + " max(CASE WHEN is_inf = 1 AND value < 0 THEN 1 ELSE 0 END),"
                        + " max(CASE WHEN is_inf = 1 AND value > 0 THEN 1 ELSE 0 END) FROM metrics WHERE run_uuid IN ("
                        + marks(runIds.size())
                        + ") AND key IN (" + marks(keys.size()) + ") AND is_nan = 0 GROUP BY run_uuid, key",
                rs -> new MetricSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(6) == 1 ? Double.NEGATIVE_INFINITY : rs.getDouble(3),
                        rs.getInt(7) == 1 ? Double.POSITIVE_INFINITY : rs.getDouble(4),
                        rs.getLong(5)),
                args.toArray());
    }

    static KeyMatches keys(Connection c, long experimentId, RunDataKind kind, String contains, int maxResults)
            throws SQLException {
        String where =
                " FROM " + EXPERIMENT_KEYS + " WHERE experiment_id = ? AND kind = ?" + " AND instr(lower(key), ?) > 0";
        String needle = contains.toLowerCase(Locale.ROOT);
        int total = Sql.queryOne(c, "SELECT count(*)" + where, rs -> rs.getInt(1), experimentId, kind.name(), needle)
                .orElseThrow();
        List<String> keys = Sql.query(
                c,
                "SELECT key" + where + " ORDER BY key LIMIT ?",
                rs -> rs.getString(1),
                experimentId,
                kind.name(),
                needle,
                maxResults);
        return new KeyMatches(keys, total);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
