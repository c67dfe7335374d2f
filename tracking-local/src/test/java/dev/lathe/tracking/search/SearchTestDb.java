package dev.lathe.tracking.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.Function;

/** An in-memory SQLite database with the MLflow tracking schema, plus helpers to insert rows. */
final class SearchTestDb implements AutoCloseable {
    private static final List<String> DDL = List.of(
            "CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,"
                    + " artifact_location TEXT, lifecycle_stage TEXT, creation_time INTEGER, last_update_time INTEGER)",
            "CREATE TABLE experiment_tags (key TEXT NOT NULL, value TEXT, experiment_id INTEGER NOT NULL,"
                    + " PRIMARY KEY (key, experiment_id))",
            "CREATE TABLE runs (run_uuid TEXT PRIMARY KEY, name TEXT, source_type TEXT, source_name TEXT,"
                    + " entry_point_name TEXT, user_id TEXT, status TEXT, start_time INTEGER, end_time INTEGER,"
                    + " deleted_time INTEGER, source_version TEXT, lifecycle_stage TEXT, artifact_uri TEXT,"
                    + " experiment_id INTEGER)",
            "CREATE TABLE tags (key TEXT NOT NULL, value TEXT, run_uuid TEXT NOT NULL, PRIMARY KEY (key, run_uuid))",
            "CREATE TABLE params (key TEXT NOT NULL, value TEXT NOT NULL, run_uuid TEXT NOT NULL,"
                    + " PRIMARY KEY (key, run_uuid))",
            "CREATE TABLE metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER NOT NULL,"
                    + " run_uuid TEXT NOT NULL, step INTEGER NOT NULL, is_nan BOOLEAN NOT NULL)",
            "CREATE TABLE latest_metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER, step INTEGER,"
                    + " is_nan BOOLEAN NOT NULL, run_uuid TEXT NOT NULL, PRIMARY KEY (key, run_uuid))",
            "CREATE TABLE datasets (dataset_uuid TEXT NOT NULL, experiment_id INTEGER NOT NULL, name TEXT NOT NULL,"
                    + " digest TEXT NOT NULL, dataset_source_type TEXT, dataset_source TEXT, dataset_schema TEXT,"
                    + " dataset_profile TEXT, PRIMARY KEY (experiment_id, name, digest))",
            "CREATE TABLE inputs (input_uuid TEXT NOT NULL, source_type TEXT NOT NULL, source_id TEXT NOT NULL,"
                    + " destination_type TEXT NOT NULL, destination_id TEXT NOT NULL,"
                    + " PRIMARY KEY (source_type, source_id, destination_type, destination_id))",
            "CREATE TABLE input_tags (input_uuid TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,"
                    + " PRIMARY KEY (input_uuid, name))",
            "CREATE TABLE registered_models (name TEXT PRIMARY KEY, creation_time INTEGER,"
                    + " last_updated_time INTEGER, description TEXT)",
            "CREATE TABLE registered_model_tags (key TEXT NOT NULL, value TEXT, name TEXT NOT NULL,"
                    + " PRIMARY KEY (key, name))",
            "CREATE TABLE model_versions (name TEXT NOT NULL, version INTEGER NOT NULL, creation_time INTEGER,"
                    + " last_updated_time INTEGER, description TEXT, user_id TEXT, current_stage TEXT, source TEXT,"
                    + " run_id TEXT, run_link TEXT, status TEXT, status_message TEXT, PRIMARY KEY (name, version))",
            "CREATE TABLE model_version_tags (key TEXT NOT NULL, value TEXT, name TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, PRIMARY KEY (key, name, version))",
            "CREATE TABLE registered_model_aliases (alias TEXT NOT NULL, version INTEGER NOT NULL,"
                    + " name TEXT NOT NULL, PRIMARY KEY (name, alias))",
            // the run indexes the search's filter clauses probe by name (INDEXED BY)
            "CREATE INDEX " + RunSearchQuery.TAGS_BY_RUN + " ON tags (run_uuid, key, value)",
            "CREATE INDEX " + RunSearchQuery.PARAMS_BY_RUN + " ON params (run_uuid, key, value)",
            "CREATE INDEX " + RunSearchQuery.METRICS_BY_RUN + " ON latest_metrics (run_uuid, key, value, is_nan)");

    final Connection connection;

    SearchTestDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        // The store registers this function to resolve store-relative locations; rows here hold absolute ones.
        Function.create(connection, RunSearchQuery.ABSOLUTE_LOCATION_FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(value_text(0));
            }
        });
        try (Statement st = connection.createStatement()) {
            for (String ddl : DDL) {
                st.execute(ddl);
            }
        }
    }

    void exec(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    void run(String uuid, long experimentId, String name, long startTime, String lifecycle) throws SQLException {
        exec(
                "INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage,"
                        + " artifact_uri, experiment_id) VALUES (?, ?, 'alice', 'FINISHED', ?, NULL, ?, ?, ?)",
                uuid,
                name,
                startTime,
                lifecycle,
                "file:///mlruns/" + experimentId + "/" + uuid,
                experimentId);
        tag(uuid, RunSearchQuery.RUN_NAME_TAG, name);
    }

    /** Stores a latest metric the way MLflow does: NaN as value 0 with is_nan = 1. */
    void metric(String uuid, String key, double value) throws SQLException {
        boolean nan = Double.isNaN(value);
        exec(
                "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, 0, 0, ?, ?)",
                key,
                nan ? 0.0 : value,
                nan ? 1 : 0,
                uuid);
    }

    void param(String uuid, String key, String value) throws SQLException {
        exec("INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)", key, value, uuid);
    }

    void tag(String uuid, String key, String value) throws SQLException {
        exec("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)", key, value, uuid);
    }

    void dataset(String uuid, long experimentId, String name, String digest, String context) throws SQLException {
        String datasetUuid = "ds-" + name + "-" + digest;
        exec(
                "INSERT OR IGNORE INTO datasets (dataset_uuid, experiment_id, name, digest) VALUES (?, ?, ?, ?)",
                datasetUuid,
                experimentId,
                name,
                digest);
        String inputUuid = "in-" + uuid + "-" + datasetUuid;
        exec(
                "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id)"
                        + " VALUES (?, 'DATASET', ?, 'RUN', ?)",
                inputUuid,
                datasetUuid,
                uuid);
        exec(
                "INSERT INTO input_tags (input_uuid, name, value) VALUES (?, ?, ?)",
                inputUuid,
                RunSearchQuery.DATASET_CONTEXT_TAG,
                context);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
