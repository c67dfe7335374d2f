package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.tracking.search.RunSearchQuery;
import java.util.ArrayList;
import java.util.List;

/** The tracking schema as versioned migrations, with MLflow's table and column names. */
final class Schema {
    private Schema() {}

    static List<Migration> migrations() {
        return List.of(
                new Migration(
                        1,
                        "MLflow tracking and registry tables",
                        List.of(
                                "CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,"
                                        + " artifact_location TEXT, lifecycle_stage TEXT NOT NULL DEFAULT 'active'"
                                        + " CHECK (lifecycle_stage IN ('active','deleted')),"
                                        + " creation_time INTEGER, last_update_time INTEGER)",
                                "CREATE TABLE experiment_tags (key TEXT NOT NULL, value TEXT, experiment_id INTEGER NOT NULL"
                                        + " REFERENCES experiments(experiment_id), PRIMARY KEY (key, experiment_id))",
                                "CREATE TABLE runs (run_uuid TEXT PRIMARY KEY, name TEXT, source_type TEXT, source_name TEXT,"
                                        + " entry_point_name TEXT, user_id TEXT, status TEXT NOT NULL CHECK (status IN"
                                        + " ('RUNNING','SCHEDULED','FINISHED','FAILED','KILLED')), start_time INTEGER,"
                                        + " end_time INTEGER, deleted_time INTEGER, source_version TEXT,"
                                        + " lifecycle_stage TEXT NOT NULL CHECK (lifecycle_stage IN ('active','deleted')),"
                                        + " artifact_uri TEXT, experiment_id INTEGER NOT NULL"
                                        + " REFERENCES experiments(experiment_id), parent_run_id TEXT)",
                                "CREATE TABLE tags (key TEXT NOT NULL, value TEXT, run_uuid TEXT NOT NULL"
                                        + " REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                                "CREATE TABLE params (key TEXT NOT NULL, value TEXT NOT NULL, run_uuid TEXT NOT NULL"
                                        + " REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                                "CREATE TABLE metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER NOT NULL,"
                                        + " run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), step INTEGER NOT NULL DEFAULT 0,"
                                        + " is_nan INTEGER NOT NULL DEFAULT 0, is_inf INTEGER NOT NULL DEFAULT 0,"
                                        + " PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan))",
                                "CREATE TABLE latest_metrics (key TEXT NOT NULL, value REAL NOT NULL, timestamp INTEGER,"
                                        + " step INTEGER NOT NULL, is_nan INTEGER NOT NULL, is_inf INTEGER NOT NULL DEFAULT 0,"
                                        + " run_uuid TEXT NOT NULL REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                                "CREATE TABLE datasets (dataset_uuid TEXT NOT NULL, experiment_id INTEGER NOT NULL"
                                        + " REFERENCES experiments(experiment_id), name TEXT NOT NULL, digest TEXT NOT NULL,"
                                        + " dataset_source_type TEXT, dataset_source TEXT, dataset_schema TEXT,"
                                        + " dataset_profile TEXT, PRIMARY KEY (experiment_id, name, digest))",
                                "CREATE TABLE inputs (input_uuid TEXT NOT NULL, source_type TEXT NOT NULL,"
                                        + " source_id TEXT NOT NULL, destination_type TEXT NOT NULL,"
                                        + " destination_id TEXT NOT NULL,"
                                        + " PRIMARY KEY (source_type, source_id, destination_type, destination_id))",
                                "CREATE TABLE input_tags (input_uuid TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,"
                                        + " PRIMARY KEY (input_uuid, name))",
                                "CREATE TABLE registered_models (name TEXT PRIMARY KEY, creation_time INTEGER,"
                                        + " last_updated_time INTEGER, description TEXT)",
                                "CREATE TABLE registered_model_tags (key TEXT NOT NULL, value TEXT, name TEXT NOT NULL"
                                        + " REFERENCES registered_models(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                                        + " PRIMARY KEY (key, name))",
                                "CREATE TABLE model_versions (name TEXT NOT NULL REFERENCES registered_models(name)"
                                        + " ON UPDATE CASCADE ON DELETE CASCADE, version INTEGER NOT NULL,"
                                        + " creation_time INTEGER, last_updated_time INTEGER, description TEXT, user_id TEXT,"
                                        + " current_stage TEXT, source TEXT, run_id TEXT, run_link TEXT, status TEXT,"
                                        + " status_message TEXT, PRIMARY KEY (name, version))",
                                "CREATE TABLE model_version_tags (key TEXT NOT NULL, value TEXT, name TEXT NOT NULL,"
                                        + " version INTEGER NOT NULL, PRIMARY KEY (key, name, version),"
                                        + " FOREIGN KEY (name, version) REFERENCES model_versions(name, version)"
                                        + " ON UPDATE CASCADE ON DELETE CASCADE)",
                                "CREATE TABLE registered_model_aliases (alias TEXT NOT NULL, version INTEGER NOT NULL,"
                                        + " name TEXT NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE"
                                        + " ON DELETE CASCADE, PRIMARY KEY (name, alias))")),
                new Migration(
                        2,
                        "indexes for search",
                        List.of(
                                "CREATE INDEX index_metrics_run_key ON metrics (run_uuid, key)",
                                "CREATE INDEX index_latest_metrics_key ON latest_metrics (key, value)",
                                "CREATE INDEX index_params_key ON params (key, value)",
                                "CREATE INDEX index_tags_key ON tags (key, value)",
                                "CREATE INDEX index_runs_experiment_start ON runs (experiment_id, start_time)",
                                "CREATE INDEX index_runs_parent ON runs (parent_run_id)",
                                "CREATE INDEX index_inputs_destination ON inputs (destination_type, destination_id)",
                                "CREATE INDEX index_model_versions_run ON model_versions (run_id)")),
                new Migration(
                        3,
                        "run_uuid indexes for loading a search page's runs",
                        List.of(
                                "CREATE INDEX index_tags_run ON tags (run_uuid)",
                                "CREATE INDEX index_params_run ON params (run_uuid)",
                                "CREATE INDEX index_latest_metrics_run ON latest_metrics (run_uuid)",
                                "CREATE INDEX index_datasets_uuid ON datasets (dataset_uuid)")),
                new Migration(
                        4,
                        "covering (key, value, run_uuid) indexes walked in value order by searches ordered by a"
                                + " metric, param or tag;"
                                + " covering run_uuid indexes so a page's runs load from contiguous index pages;"
                                + " owner indexes on the experiment and registry tag tables for loading search pages",
                        List.of(
                                "DROP INDEX index_latest_metrics_key",
                                "CREATE INDEX index_latest_metrics_order ON latest_metrics"
                                        + " (key, is_nan, value, run_uuid)",
                                "DROP INDEX index_params_key",
                                "CREATE INDEX index_params_order ON params (key, value, run_uuid)",
                                "DROP INDEX index_tags_key",
                                "CREATE INDEX index_tags_order ON tags (key, value, run_uuid)",
                                "DROP INDEX index_tags_run",
                                "CREATE INDEX " + RunSearchQuery.TAGS_BY_RUN + " ON tags (run_uuid, key, value)",
                                "DROP INDEX index_params_run",
                                "CREATE INDEX " + RunSearchQuery.PARAMS_BY_RUN + " ON params (run_uuid, key, value)",
                                "DROP INDEX index_latest_metrics_run",
                                "CREATE INDEX " + RunSearchQuery.METRICS_BY_RUN + " ON latest_metrics"
                                        + " (run_uuid, key, value, timestamp, step, is_nan, is_inf)",
                                "CREATE INDEX index_experiment_tags_experiment ON experiment_tags (experiment_id)",
                                "CREATE INDEX index_registered_model_tags_name ON registered_model_tags (name)",
                                "CREATE INDEX index_model_version_tags_version ON model_version_tags (name, version)")),
                new Migration(
                        5,
                        "artifact locations, artifact URIs and model-version sources under the store recorded"
                                + " relative to it, so that a copied or moved store stays whole",
                        relativeLocations()),
                new Migration(
                        6,
                        "run owners and heartbeats: which process runs a RUNNING run, so a killed one is told"
                                + " from a live one and ended KILLED",
                        List.of(
                                "CREATE TABLE lathe_owners (owner_id TEXT PRIMARY KEY, host TEXT NOT NULL,"
                                        + " pid INTEGER NOT NULL, process_start INTEGER,"
                                        + " heartbeat_time INTEGER NOT NULL, closed INTEGER NOT NULL DEFAULT 0)",
                                "CREATE TABLE lathe_run_owners (run_uuid TEXT PRIMARY KEY, owner_id TEXT NOT NULL)",
                                "CREATE INDEX index_run_owners_owner ON lathe_run_owners (owner_id)")),
                new Migration(
                        7,
                        "metric histories read in step order from one covering index (a chart samples a million"
                                + " points without a sort); the keys each experiment's runs logged, kept by triggers,"
                                + " so a column picker lists thousands of metric keys without scanning every run",
                        experimentKeys()),
                new Migration(
                        8,
                        "trial queues: the trials of distributed searches, claimed by workers that heartbeat",
                        JdbcTrialQueue.SQLITE_SCHEMA));
    }

    private static List<String> experimentKeys() {
        List<String> steps = new ArrayList<>();
        steps.add("DROP INDEX index_metrics_run_key");
        steps.add("CREATE INDEX index_metrics_history ON metrics (run_uuid, key, step, timestamp, value, is_nan,"
                + " is_inf)");
        steps.add(
                "CREATE TABLE " + RunDataViews.EXPERIMENT_KEYS + " (experiment_id INTEGER NOT NULL, kind TEXT NOT NULL,"
                        + " key TEXT NOT NULL, PRIMARY KEY (experiment_id, kind, key)) WITHOUT ROWID");
        for (RunDataKind kind : RunDataKind.values()) {
            String table = RunDataViews.table(kind);
            String userKey = kind == RunDataKind.TAG
                    ? " AND substr(%s.key, 1, " + MlflowTags.SYSTEM_PREFIX.length() + ") <> '"
                            + MlflowTags.SYSTEM_PREFIX + "'"
                    : "";
            steps.add("INSERT OR IGNORE INTO " + RunDataViews.EXPERIMENT_KEYS + " (experiment_id, kind, key)"
                    + " SELECT DISTINCT r.experiment_id, '" + kind.name() + "', d.key FROM " + table + " d"
                    + " JOIN runs r ON r.run_uuid = d.run_uuid WHERE 1 = 1" + userKey.formatted("d"));
            steps.add("CREATE TRIGGER lathe_keys_" + table + " AFTER INSERT ON " + table + " BEGIN"
                    + " INSERT OR IGNORE INTO " + RunDataViews.EXPERIMENT_KEYS + " (experiment_id, kind, key)"
                    + " SELECT experiment_id, '" + kind.name() + "', NEW.key FROM runs WHERE run_uuid = NEW.run_uuid"
                    + userKey.formatted("NEW") + "; END");
        }
        return steps;
    }

    /**
     * Migration 5: rewrites every absolute path under the store's original root into a path relative to
     * the root. The original root is read from the default experiment's location, which Lathe always
     * wrote as {@code <root>/artifacts/0}, so a store moved before this migration still finds its paths;
     * paths outside the root stay absolute.
     */
    private static List<String> relativeLocations() {
        String suffix = "/" + StoreLocation.ARTIFACTS_DIR + "/0";
        String root = "(SELECT root FROM migration5_root)";
        String prefixLength = "(SELECT length(root) + 1 FROM migration5_root)";
        List<String> steps = new ArrayList<>();
        steps.add("CREATE TEMP TABLE migration5_root AS SELECT substr(artifact_location, 1,"
                + " length(artifact_location) - " + suffix.length() + ") AS root FROM experiments"
                + " WHERE experiment_id = 0 AND length(artifact_location) > " + suffix.length()
                + " AND substr(artifact_location, -" + suffix.length() + ") = '" + suffix + "'");
        for (String[] tableColumn : new String[][] {
            {"runs", "artifact_uri"}, {"model_versions", "source"}, {"experiments", "artifact_location"}
        }) {
            String column = tableColumn[1];
            steps.add("UPDATE " + tableColumn[0] + " SET " + column + " = substr(" + column + ", " + prefixLength
                    + " + 1) WHERE substr(" + column + ", 1, " + prefixLength + ") = " + root + " || '/'"
                    + " AND length(" + column + ") > " + prefixLength);
        }
        steps.add("DROP TABLE migration5_root");
        return steps;
    }
}
