package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Param;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for a run's params, metric history and latest values, and dataset inputs. */
final class RunDataDao {
    static final int ROWS_PER_INSERT = 128;

    /** The conflict clause of latest_metrics upserts: keep the point later by (step, timestamp, value). */
    static final String LATEST_CONFLICT = "ON CONFLICT (key, run_uuid) DO UPDATE SET"
            + " value = excluded.value, timestamp = excluded.timestamp, step = excluded.step,"
            + " is_nan = excluded.is_nan, is_inf = excluded.is_inf"
            + " WHERE (excluded.step, excluded.timestamp, excluded.value)"
            + " > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)";

    /** The values of {@code m} of run {@code runId} for {@link #UPSERT_LATEST}, in its column order. */
    static Object[] latestRow(String runId, Metric m) {
        return new Object[] {
            m.key(),
            MetricValues.stored(m.value()),
            m.timestamp(),
            m.step(),
            MetricValues.isNan(m.value()),
            MetricValues.isInf(m.value()),
            runId
        };
    }

    /** Advances latest_metrics to a point when it is later by (step, timestamp, value). */
    static final String UPSERT_LATEST = "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, is_inf,"
            + " run_uuid) VALUES (?, ?, ?, ?, ?, ?, ?) " + LATEST_CONFLICT;

    /** Inserts params; a key that exists with a different value is an error naming both values. */
    void putParams(Connection c, String runId, List<Param> params) throws SQLException {
        List<Param> sorted = new ArrayList<>(params);
        sorted.sort(Comparator.comparing(Param::key));
        for (Param p : sorted) {
            // Inserted unless present (a concurrent writer of the same key waits, then finds it), then checked.
            int inserted = Sql.update(
                    c,
                    "INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    p.key(),
                    p.value(),
                    runId);
            if (inserted == 1) {
                continue;
            }
            Optional<String> old = Sql.queryOne(
                    c,
                    "SELECT value FROM params WHERE run_uuid = ? AND key = ?",
                    rs -> rs.getString(1),
                    runId,
                    p.key());
            if (old.isPresent()) {
                LatheException.check(
                        old.get().equals(p.value()),
                        "param '%s' of run %s is immutable: logged value '%s', new value '%s'",
                        p.key(),
                        runId,
                        old.get(),
                        p.value());
            }
        }
    }

    TreeMap<String, String> params(Connection c, String runId) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        for (String[] kv : Sql.query(
                c,
                "SELECT key, value FROM params WHERE run_uuid = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                runId)) {
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    /** Appends metric points (an identical point is stored once) and advances latest_metrics. */
    void putMetrics(Connection c, String runId, List<Metric> metrics) throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        // Keys in order, so that concurrent writers of one run lock rows in one order (no deadlock).
        Map<String, Metric> latest = new TreeMap<>();
        for (Metric m : metrics) {
            latest.merge(m.key(), m, (x, y) -> compare(x, y) >= 0 ? x : y);
        }
        List<Metric> points = new ArrayList<>(metrics);
        points.sort(Comparator.comparing(Metric::key)
                .thenComparingLong(Metric::timestamp)
                .thenComparingLong(Metric::step)
                .thenComparingDouble(Metric::value));
        insertPoints(c, runId, points);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LATEST)) {
            for (Metric m : latest.values()) {
                Sql.bind(ps, latestRow(runId, m));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts points with multi-row INSERT statements, {@value #ROWS_PER_INSERT} rows at a time. */
    private static void insertPoints(Connection c, String runId, List<Metric> metrics) throws SQLException {
        int full = metrics.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bindPoints(ps, runId, metrics.subList(chunk * ROWS_PER_INSERT, (chunk + 1) * ROWS_PER_INSERT));
                    ps.executeUpdate();
                }
            }
        }
        List<Metric> rest = metrics.subList(full * ROWS_PER_INSERT, metrics.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(rest.size()))) {
                bindPoints(ps, runId, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan, is_inf) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?)");
        }
        return sql.append(" ON CONFLICT DO NOTHING").toString();
    }

    private static void bindPoints(PreparedStatement ps, String runId, List<Metric> points) throws SQLException {
        int i = 1;
        for (Metric m : points) {
            ps.setString(i++, m.key());
            ps.setDouble(i++, MetricValues.stored(m.value()));
            ps.setLong(i++, m.timestamp());
            ps.setString(i++, runId);
            ps.setLong(i++, m.step());
            ps.setInt(i++, MetricValues.isNan(m.value()));
            ps.setInt(i++, MetricValues.isInf(m.value()));
        }
    }

    /** Orders points as latest_metrics does: by (step, timestamp, stored value). */
    static int compare(Metric a, Metric b) {
        int c = Long.compare(a.step(), b.step());
        if (c == 0) {
            c = Long.compare(a.timestamp(), b.timestamp());
        }
        if (c == 0) {
            c = Double.compare(MetricValues.stored(a.value()), MetricValues.stored(b.value()));
        }
        return c;
    }

    TreeMap<String, Metric> latestMetrics(Connection c, String runId) throws SQLException {
        TreeMap<String, Metric> out = new TreeMap<>();
        for (Metric m : Sql.query(
                c,
                "SELECT key, value, timestamp, step, is_nan, is_inf FROM latest_metrics WHERE run_uuid = ?",
                RunDataDao::metric,
                runId)) {
            out.put(m.key(), m);
        }
        return out;
    }

    List<Metric> history(Connection c, String runId, String key) throws SQLException {
        return Sql.query(
                c,
                "SELECT key, value, timestamp, step, is_nan, is_inf FROM metrics WHERE run_uuid = ? AND key = ?"
                        + " ORDER BY step, timestamp, value",
                RunDataDao::metric,
                runId,
                key);
    }

    static Metric metric(ResultSet rs) throws SQLException {
        double value = MetricValues.restore(rs.getDouble(2), rs.getInt(5) == 1, rs.getInt(6) == 1);
        return new Metric(rs.getString(1), value, rs.getLong(3), rs.getLong(4));
    }

    /** Records dataset inputs: one datasets row per (experiment, name, digest), one inputs row per run. */
    void putInputs(Connection c, String runId, long experimentId, List<DatasetInput> inputs) throws SQLException {
        for (DatasetInput d : inputs) {
            Sql.update(
                    c,
                    "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type,"
                            + " dataset_source, dataset_schema, dataset_profile) VALUES (?, ?, ?, ?, 'local', ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    uuid(),
                    experimentId,
                    d.name(),
                    d.digest(),
                    d.source(),
                    d.schema(),
                    "{\"num_rows\": " + d.rows() + "}");
            String datasetUuid = Sql.queryOne(
                            c,
                            "SELECT dataset_uuid FROM datasets WHERE experiment_id = ? AND name = ? AND digest = ?",
                            rs -> rs.getString(1),
                            experimentId,
                            d.name(),
                            d.digest())
                    .orElseThrow();
            Optional<String> existing = Sql.queryOne(
                    c,
                    "SELECT input_uuid FROM inputs WHERE source_type = 'DATASET' AND source_id = ?"
                            + " AND destination_type = 'RUN' AND destination_id = ?",
                    rs -> rs.getString(1),
                    datasetUuid,
                    runId);
            String inputUuid = existing.orElseGet(RunDataDao::uuid);
            if (existing.isEmpty()) {
                Sql.update(
                        c,
                        "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id)"
                                + " VALUES (?, 'DATASET', ?, 'RUN', ?)",
                        inputUuid,
                        datasetUuid,
                        runId);
            }
            if (d.context() != null) {
                Sql.update(
                        c,
                        "INSERT INTO input_tags (input_uuid, name, value) VALUES (?, ?, ?)"
                                + " ON CONFLICT (input_uuid, name) DO UPDATE SET value = excluded.value",
                        inputUuid,
                        MlflowTags.DATASET_CONTEXT,
                        d.context());
            }
        }
    }

    List<DatasetInput> inputs(Connection c, String runId) throws SQLException {
        return Sql.query(
                c,
                "SELECT d.name, d.digest, d.dataset_source, d.dataset_schema, d.dataset_profile, t.value"
                        + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id"
                        + " LEFT JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = ?"
                        + " WHERE i.destination_type = 'RUN' AND i.destination_id = ? AND i.source_type = 'DATASET'"
                        + " ORDER BY d.name, d.digest",
                RunDataDao::datasetInput,
                MlflowTags.DATASET_CONTEXT,
                runId);
    }

    /** Maps a row of name, digest, source, schema, profile, context (columns 1 to 6). */
    static DatasetInput datasetInput(ResultSet rs) throws SQLException {
        return new DatasetInput(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rowsOf(rs.getString(5)),
                rs.getString(6));
    }

    private static long rowsOf(String profile) {
        if (profile == null) {
            return 0;
        }
        String digits = profile.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static String uuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
