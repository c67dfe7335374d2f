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
 * passed as one JSON array ({@code json_each(?)}), so a page of 1,000 search hits costs what a page of
 * one does and stays clear of SQLite's bound-parameter limit. Every statement finds its rows through a
 * covering {@code run_uuid} index (schema migration 4); metrics, params and tags come back with their
 * run's position in the array, so no run id is decoded per row.
 */
final class SqliteRuns {
    /** The statements one load issues, in order; tests explain and count them. */
    static final String RUNS =
            "SELECT " + RunDao.COLUMNS + " FROM runs WHERE run_uuid IN (SELECT value FROM json_each(?))";

    /* The data statements answer each row's position in the id array (json_each's key) instead of its run_uuid. */
    static final String LATEST_METRICS = "SELECT m.key, m.value, m.timestamp, m.step, m.is_nan, m.is_inf, j.key"
            + " FROM json_each(?) j JOIN latest_metrics m ON m.run_uuid = j.value";
    static final String PARAMS =
            "SELECT p.key, p.value, j.key FROM json_each(?) j JOIN params p ON p.run_uuid = j.value";
    static final String TAGS = "SELECT t.key, t.value, j.key FROM json_each(?) j JOIN tags t ON t.run_uuid = j.value";
    static final String INPUTS =
            "SELECT d.name, d.digest, d.dataset_source, d.dataset_schema, d.dataset_profile, t.value, i.destination_id"
                    + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id"
                    + " LEFT JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = ?"
                    + " WHERE i.destination_type = 'RUN' AND i.source_type = 'DATASET'"
                    + " AND i.destination_id IN (SELECT value FROM json_each(?))"
                    + " ORDER BY d.name, d.digest";

    private SqliteRuns() {}

    /** The run with id {@code runId}, or a {@link ResourceNotFoundException}. */
    static Run load(Connection c, StorePaths paths, String runId) throws SQLException {
        List<Run> found = loadAll(c, paths, List.of(runId));
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("no run with id '" + runId + "'");
        }
        return found.get(0);
    }

    /** The runs among {@code runIds} that exist, in the order of {@code runIds}. */
    static List<Run> loadAll(Connection c, StorePaths paths, List<String> runIds) throws SQLException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        String ids = JsonArrays.strings(runIds);
        Map<String, RunInfo> infos = new HashMap<>();
        for (RunInfo info : Sql.query(c, RUNS, rs -> RunDao.row(rs, paths), ids)) {
            infos.put(info.runId(), info);
        }
        int n = runIds.size();
        List<TreeMap<String, Metric>> metrics = new ArrayList<>(n);
        List<TreeMap<String, String>> params = new ArrayList<>(n);
        List<TreeMap<String, String>> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            metrics.add(new TreeMap<>());
            params.add(new TreeMap<>());
            tags.add(new TreeMap<>());
        }
        Map<String, List<DatasetInput>> inputs = new HashMap<>();
        Sql.query(
                c,
                LATEST_METRICS,
                rs -> {
                    Metric m = RunDataDao.metric(rs);
                    return metrics.get(rs.getInt(7)).put(m.key(), m);
                },
                ids);
        Sql.query(c, PARAMS, rs -> params.get(rs.getInt(3)).put(rs.getString(1), rs.getString(2)), ids);
        Sql.query(c, TAGS, rs -> tags.get(rs.getInt(3)).put(rs.getString(1), rs.getString(2)), ids);
        Sql.query(
                c,
                INPUTS,
                rs -> inputs.computeIfAbsent(rs.getString(7), k -> new ArrayList<>())
                        .add(RunDataDao.datasetInput(rs)),
                MlflowTags.DATASET_CONTEXT,
                ids);
        List<Run> out = new ArrayList<>(runIds.size());
        for (int i = 0; i < n; i++) {
            String id = runIds.get(i);
            RunInfo info = infos.get(id);
            if (info == null) {
                continue;
            }
            RunData data = new RunData(metrics.get(i), params.get(i), tags.get(i));
            out.add(new Run(info, data, new RunInputs(inputs.getOrDefault(id, List.of()))));
        }
        return out;
    }
}
