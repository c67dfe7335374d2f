package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.RunDataKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The reads behind a UI over a large store, each a fixed number of statements on an index: a metric
 * history thinned for a chart while it streams (migration 7's covering history index gives the points in
 * step order), min/max summaries of many runs' metrics in one grouped query, and the keys an experiment's
 * runs logged (migration 7's table, kept by triggers).
 */
final class RunDataViews {
    private static final String HISTORY_WHERE = " FROM metrics WHERE run_uuid = ? AND key = ? AND step BETWEEN ? AND ?";

    private RunDataViews() {}

    /** The table holding a kind's keys per run. */
    static String table(RunDataKind kind) {
        return switch (kind) {
            case METRIC -> "latest_metrics";
            case PARAM -> "params";
            case TAG -> "tags";
        };
    }

    static List<Metric> sampleHistory(Connection c, String runId, String key, long first, long last, int maxPoints)
            throws SQLException {
        long[] range = Sql.queryOne(
                        c,
                        "SELECT count(*), min(step), max(step)" + HISTORY_WHERE,
                        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                        runId,
                        key,
                        first,
                        last)
                .orElseThrow();
        if (range[0] == 0) {
            return List.of();
        }
        String points = "SELECT key, value, timestamp, step, is_nan, is_inf" + HISTORY_WHERE
                + " ORDER BY step, timestamp, value";
        if (range[0] <= maxPoints) {
            return Sql.query(c, points, RunDataDao::metric, runId, key, first, last);
        }
        HistorySampler sampler = new HistorySampler(range[1], range[2], maxPoints);
        try (PreparedStatement ps = Sql.prepare(c, points, runId, key, first, last);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sampler.accept(RunDataDao.metric(rs));
            }
        }
        return sampler.points();
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
                "SELECT run_uuid, key, min(value), max(value), count(*), max(is_inf = 1 AND value < 0),"
                        + " max(is_inf = 1 AND value > 0) FROM metrics WHERE run_uuid IN (" + marks(runIds.size())
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
        String where = " FROM " + Schema.EXPERIMENT_KEYS + " WHERE experiment_id = ? AND kind = ?"
                + " AND instr(lower(key), ?) > 0";
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
