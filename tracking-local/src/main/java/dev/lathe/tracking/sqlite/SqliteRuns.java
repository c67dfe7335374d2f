package dev.lathe.tracking.sqlite;

import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunData;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunInputs;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles full {@link Run}s (info, latest metrics, params, tags, inputs) in one read transaction
 * with five statements whatever the number of runs: each table is read once for all of them, the ids
 * passed as one JSON array ({@code run_uuid IN (SELECT value FROM json_each(?))}), so a page of 1,000
 * search hits costs what a page of one does and stays clear of SQLite's bound-parameter limit. Every
 * statement finds its rows through a {@code run_uuid} index (schema migration 3).
 */
final class SqliteRuns {
    /** The statements one load issues, in order; tests explain and count them. */
    static final String RUNS =
            "SELECT " + RunDao.COLUMNS + " FROM runs WHERE run_uuid IN (SELECT value FROM json_each(?))";

    static final String LATEST_METRICS = "SELECT key, value, timestamp, step, is_nan, is_inf, run_uuid"
            + " FROM latest_metrics WHERE run_uuid IN (SELECT value FROM json_each(?))";
    static final String PARAMS =
            "SELECT key, value, run_uuid FROM params WHERE run_uuid IN (SELECT value FROM json_each(?))";
    static final String TAGS =
            "SELECT key, value, run_uuid FROM tags WHERE run_uuid IN (SELECT value FROM json_each(?))";
    static final String INPUTS =
            "SELECT d.name, d.digest, d.dataset_source, d.dataset_schema, d.dataset_profile, t.value, i.destination_id"
                    + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id"
                    + " LEFT JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = ?"
                    + " WHERE i.destination_type = 'RUN' AND i.source_type = 'DATASET'"
                    + " AND i.destination_id IN (SELECT value FROM json_each(?))"
                    + " ORDER BY d.name, d.digest";

    private SqliteRuns() {}

    /** The run with id {@code runId}, or a {@link ResourceNotFoundException}. */
    static Run load(Connection c, String runId) throws SQLException {
        List<Run> found = loadAll(c, List.of(runId));
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("no run with id '" + runId + "'");
        }
        return found.get(0);
    }

    /** The runs among {@code runIds} that exist, in the order of {@code runIds}. */
    static List<Run> loadAll(Connection c, List<String> runIds) throws SQLException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        String ids = JsonArrays.strings(runIds);
        Map<String, RunInfo> infos = new HashMap<>();
        for (RunInfo info : Sql.query(c, RUNS, RunDao::row, ids)) {
            infos.put(info.runId(), info);
        }
        Map<String, TreeMap<String, Metric>> metrics = new HashMap<>();
        Map<String, TreeMap<String, String>> params = new HashMap<>();
        Map<String, TreeMap<String, String>> tags = new HashMap<>();
        Map<String, List<DatasetInput>> inputs = new HashMap<>();
        Sql.query(
                c,
                LATEST_METRICS,
                rs -> {
                    Metric m = RunDataDao.metric(rs);
                    return metrics.computeIfAbsent(rs.getString(7), k -> new TreeMap<>())
                            .put(m.key(), m);
                },
                ids);
        Sql.query(
                c,
                PARAMS,
                rs -> params.computeIfAbsent(rs.getString(3), k -> new TreeMap<>())
                        .put(rs.getString(1), rs.getString(2)),
                ids);
        Sql.query(
                c,
                TAGS,
                rs -> tags.computeIfAbsent(rs.getString(3), k -> new TreeMap<>())
                        .put(rs.getString(1), rs.getString(2)),
                ids);
        Sql.query(
                c,
                INPUTS,
                rs -> inputs.computeIfAbsent(rs.getString(7), k -> new ArrayList<>())
                        .add(RunDataDao.datasetInput(rs)),
                MlflowTags.DATASET_CONTEXT,
                ids);
        List<Run> out = new ArrayList<>(runIds.size());
        for (String id : runIds) {
            RunInfo info = infos.get(id);
            if (info == null) {
                continue;
            }
            RunData data = new RunData(
                    metrics.getOrDefault(id, new TreeMap<>()),
                    params.getOrDefault(id, new TreeMap<>()),
                    tags.getOrDefault(id, new TreeMap<>()));
            out.add(new Run(info, data, new RunInputs(inputs.getOrDefault(id, List.of()))));
        }
        return out;
    }
}
