package dev.lathe.tracking.postgres;

import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlDialect;
import dev.lathe.tracking.sqlite.Migration;
import dev.lathe.tracking.sqlite.RunDataViews;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracking schema on PostgreSQL as versioned migrations: MLflow's tables and columns as the SQLite
 * store has them (text compared byte-wise, {@code COLLATE "C"}, so orders equal SQLite's), the same
 * search indexes, and three small SQL functions under the names the shared statements call (SQLite's
 * {@code json_each} and {@code json_extract} over a JSON array of ids, and the store's absolute-location
 * function), so that one set of statements runs on both engines.
 */
final class PostgresSchema {
    /** Byte-wise text, as SQLite compares and orders it. */
    private static final String TEXT = "TEXT COLLATE \"C\"";

    /** The statistics objects of the params' and the tags' (key, value) pairs (migration 6). */
    static final String PARAMS_STATISTICS = "statistics_params_key_value";

    static final String TAGS_STATISTICS = "statistics_tags_key_value";

    private PostgresSchema() {}

    static List<Migration> migrations() {
        return List.of(
                new Migration(1, "MLflow tracking and registry tables", tables()),
                new Migration(2, "SQL functions the shared statements call", functions()),
                new Migration(3, "indexes for search and for loading a page's runs", indexes()),
                new Migration(
                        4,
                        "run owners and heartbeats",
                        List.of(
                                "CREATE TABLE lathe_owners (owner_id " + TEXT + " PRIMARY KEY, host " + TEXT
                                        + " NOT NULL, pid BIGINT NOT NULL, process_start BIGINT,"
                                        + " heartbeat_time BIGINT NOT NULL, closed INTEGER NOT NULL DEFAULT 0)",
                                "CREATE TABLE lathe_run_owners (run_uuid " + TEXT + " PRIMARY KEY, owner_id " + TEXT
                                        + " NOT NULL)",
                                "CREATE INDEX index_run_owners_owner ON lathe_run_owners (owner_id)")),
                new Migration(
                        5,
                        "trial queues: the trials of distributed searches, claimed by workers that heartbeat",
                        queues()),
                new Migration(
                        6,
                        "the keys each experiment's runs logged, kept by statement triggers, so a column picker"
                                + " lists thousands of metric keys without scanning every run (SQLite's migration 7);"
                                + " statistics of (key, value) pairs, so a search filter's selectivity is estimated",
                        migration6()),
                new Migration(
                        7,
                        "no whole param or tag value in an index: B-tree rows hold at most 2,704 bytes and MLflow's"
                                + " values reach 6,000 and 8,000 characters",
                        unboundedValues()));
    }

    /**
     * Migration 3 indexed params' and tags' values whole (for ordering, and covering the lookups by run);
     * an incompressible value past PostgreSQL's B-tree row limit then failed its insert (a trial's
     * intermediate-values tag did). The lookups by run keep their indexes without the value; an order
     * on a param or tag walks an index of the value's first {@value SqlDialect#ORDER_PREFIX} characters
     * ({@link SqlDialect#textOrder}), at most 2,100 bytes a row with a 250-character key.
     */
    private static List<String> unboundedValues() {
        String prefix = "left(value, " + SqlDialect.ORDER_PREFIX + ")";
        return List.of(
                "DROP INDEX index_params_order",
                "DROP INDEX index_tags_order",
                "DROP INDEX " + RunSearchQuery.TAGS_BY_RUN,
                "DROP INDEX " + RunSearchQuery.PARAMS_BY_RUN,
                "CREATE INDEX index_params_order ON params (key, " + prefix + ", run_uuid)",
                "CREATE INDEX index_tags_order ON tags (key, " + prefix + ", run_uuid)",
                "CREATE INDEX " + RunSearchQuery.TAGS_BY_RUN + " ON tags (run_uuid, key)",
                "CREATE INDEX " + RunSearchQuery.PARAMS_BY_RUN + " ON params (run_uuid, key)");
    }

    /** The keys table ({@link #experimentKeys()}) and the search statistics ({@link #keyValueStatistics()}). */
    private static List<String> migration6() {
        List<String> steps = new ArrayList<>(experimentKeys());
        steps.addAll(keyValueStatistics());
        return steps;
    }

    /**
     * Most-common-value lists of the (key, value) pairs of params and of tags, analysed at once. Without them the planner multiplies the key's and the value's
     * frequencies as if independent: {@code tags.group = 'a'}, half of 100,000 runs, was estimated at
     * 8,000 rows, so a filtered page of 1,000 in start-time order read every matching run and sorted
     * (1.3 s) instead of walking the runs in start-time order until the page was full (0.05 s).
     */
    private static List<String> keyValueStatistics() {
        return List.of(
                "CREATE STATISTICS " + PARAMS_STATISTICS + " (mcv) ON key, value FROM params",
                "CREATE STATISTICS " + TAGS_STATISTICS + " (mcv) ON key, value FROM tags",
                "ANALYZE params, tags");
    }

    /**
     * SQLite's migration 7 on PostgreSQL: the keys table, SQLite's {@code instr} under its name for the
     * shared key search, the keys of runs already logged, and one statement-level trigger per data table
     * that adds the keys of the rows a statement inserted, in key order (so concurrent writers take the
     * keys' locks in one order).
     */
    private static List<String> experimentKeys() {
        List<String> steps = new ArrayList<>();
        steps.add("CREATE TABLE " + RunDataViews.EXPERIMENT_KEYS + " (experiment_id BIGINT NOT NULL, kind " + TEXT
                + " NOT NULL, key " + TEXT + " NOT NULL, PRIMARY KEY (experiment_id, kind, key))");
        steps.add("CREATE FUNCTION instr(s TEXT, sub TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE"
                + " AS $$ SELECT strpos(s, sub) $$");
        for (RunDataKind kind : RunDataKind.values()) {
            String table = RunDataViews.table(kind);
            String keysOf = "INSERT INTO " + RunDataViews.EXPERIMENT_KEYS + " (experiment_id, kind, key)"
                    + " SELECT DISTINCT r.experiment_id, '" + kind.name() + "', d.key FROM %s d"
                    + " JOIN runs r ON r.run_uuid = d.run_uuid"
                    + (kind == RunDataKind.TAG
                            ? " WHERE NOT starts_with(d.key, '" + MlflowTags.SYSTEM_PREFIX + "')"
                            : "")
                    + " ORDER BY 1, 3 ON CONFLICT DO NOTHING";
            steps.add(keysOf.formatted(table));
            String function = "lathe_keys_" + table;
            steps.add("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + keysOf.formatted("inserted") + "; RETURN NULL; END $$");
            steps.add("CREATE TRIGGER " + function + " AFTER INSERT ON " + table
                    + " REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
        }
        return steps;
    }

    /** The tables of SQLite's migration 8 (tracking-local's {@code JdbcTrialQueue}), times in milliseconds. */
    private static List<String> queues() {
        return List.of(
                "CREATE TABLE lathe_queue_searches (search_id " + TEXT + " PRIMARY KEY, trial_count INTEGER NOT NULL,"
                        + " batch_size INTEGER NOT NULL, max_retries INTEGER NOT NULL,"
                        + " enqueued_batches INTEGER NOT NULL DEFAULT 0, lease_batch INTEGER, lease_worker " + TEXT
                        + ","
                        + " lease_time BIGINT)",
                "CREATE TABLE lathe_queue_trials (search_id " + TEXT + " NOT NULL, number INTEGER NOT NULL,"
                        + " batch INTEGER NOT NULL, state " + TEXT + " NOT NULL, params " + TEXT + " NOT NULL,"
                        + " attempts INTEGER NOT NULL DEFAULT 0, worker_id " + TEXT + ", heartbeat_time BIGINT,"
                        + " run_uuid " + TEXT + ", result " + TEXT + ", reason " + TEXT + ","
                        + " PRIMARY KEY (search_id, number))",
                "CREATE INDEX index_queue_trials_state ON lathe_queue_trials (search_id, state, number)");
    }

    private static List<String> tables() {
        return List.of(
                "CREATE TABLE experiments (experiment_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " name " + TEXT + " UNIQUE NOT NULL, artifact_location " + TEXT + ","
                        + " lifecycle_stage " + TEXT + " NOT NULL DEFAULT 'active'"
                        + " CHECK (lifecycle_stage IN ('active','deleted')),"
                        + " creation_time BIGINT, last_update_time BIGINT)",
                "CREATE TABLE experiment_tags (key " + TEXT + " NOT NULL, value " + TEXT + ", experiment_id BIGINT"
                        + " NOT NULL REFERENCES experiments(experiment_id), PRIMARY KEY (key, experiment_id))",
                // rowid: the order runs were inserted in, which SQLite's rowid gives (children oldest first).
                "CREATE TABLE runs (run_uuid " + TEXT + " PRIMARY KEY, name " + TEXT + ", source_type " + TEXT + ","
                        + " source_name " + TEXT + ", entry_point_name " + TEXT + ", user_id " + TEXT + ","
                        + " status " + TEXT + " NOT NULL CHECK (status IN"
                        + " ('RUNNING','SCHEDULED','FINISHED','FAILED','KILLED')), start_time BIGINT,"
                        + " end_time BIGINT, deleted_time BIGINT, source_version " + TEXT + ","
                        + " lifecycle_stage " + TEXT + " NOT NULL CHECK (lifecycle_stage IN ('active','deleted')),"
                        + " artifact_uri " + TEXT + ", experiment_id BIGINT NOT NULL"
                        + " REFERENCES experiments(experiment_id), parent_run_id " + TEXT + ","
                        + " rowid BIGINT GENERATED ALWAYS AS IDENTITY)",
                "CREATE TABLE tags (key " + TEXT + " NOT NULL, value " + TEXT + ", run_uuid " + TEXT + " NOT NULL"
                        + " REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                "CREATE TABLE params (key " + TEXT + " NOT NULL, value " + TEXT + " NOT NULL, run_uuid " + TEXT
                        + " NOT NULL REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                "CREATE TABLE metrics (key " + TEXT + " NOT NULL, value DOUBLE PRECISION NOT NULL,"
                        + " timestamp BIGINT NOT NULL, run_uuid " + TEXT + " NOT NULL REFERENCES runs(run_uuid),"
                        + " step BIGINT NOT NULL DEFAULT 0, is_nan INTEGER NOT NULL DEFAULT 0,"
                        + " is_inf INTEGER NOT NULL DEFAULT 0,"
                        + " PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan))",
                "CREATE TABLE latest_metrics (key " + TEXT + " NOT NULL, value DOUBLE PRECISION NOT NULL,"
                        + " timestamp BIGINT, step BIGINT NOT NULL, is_nan INTEGER NOT NULL,"
                        + " is_inf INTEGER NOT NULL DEFAULT 0, run_uuid " + TEXT + " NOT NULL"
                        + " REFERENCES runs(run_uuid), PRIMARY KEY (key, run_uuid))",
                "CREATE TABLE datasets (dataset_uuid " + TEXT + " NOT NULL, experiment_id BIGINT NOT NULL"
                        + " REFERENCES experiments(experiment_id), name " + TEXT + " NOT NULL, digest " + TEXT
                        + " NOT NULL, dataset_source_type " + TEXT + ", dataset_source " + TEXT + ","
                        + " dataset_schema " + TEXT + ", dataset_profile " + TEXT + ","
                        + " PRIMARY KEY (experiment_id, name, digest))",
                "CREATE TABLE inputs (input_uuid " + TEXT + " NOT NULL, source_type " + TEXT + " NOT NULL,"
                        + " source_id " + TEXT + " NOT NULL, destination_type " + TEXT + " NOT NULL,"
                        + " destination_id " + TEXT + " NOT NULL,"
                        + " PRIMARY KEY (source_type, source_id, destination_type, destination_id))",
                "CREATE TABLE input_tags (input_uuid " + TEXT + " NOT NULL, name " + TEXT + " NOT NULL," + " value "
                        + TEXT + " NOT NULL, PRIMARY KEY (input_uuid, name))",
                "CREATE TABLE registered_models (name " + TEXT + " PRIMARY KEY, creation_time BIGINT,"
                        + " last_updated_time BIGINT, description " + TEXT + ")",
                "CREATE TABLE registered_model_tags (key " + TEXT + " NOT NULL, value " + TEXT + ", name " + TEXT
                        + " NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                        + " PRIMARY KEY (key, name))",
                "CREATE TABLE model_versions (name " + TEXT + " NOT NULL REFERENCES registered_models(name)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE, version INTEGER NOT NULL,"
                        + " creation_time BIGINT, last_updated_time BIGINT, description " + TEXT + ","
                        + " user_id " + TEXT + ", current_stage " + TEXT + ", source " + TEXT + ", run_id " + TEXT
                        + ", run_link " + TEXT + ", status " + TEXT + ", status_message " + TEXT + ","
                        + " PRIMARY KEY (name, version))",
                "CREATE TABLE model_version_tags (key " + TEXT + " NOT NULL, value " + TEXT + ", name " + TEXT
                        + " NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (key, name, version),"
                        + " FOREIGN KEY (name, version) REFERENCES model_versions(name, version)"
                        + " ON UPDATE CASCADE ON DELETE CASCADE)",
                "CREATE TABLE registered_model_aliases (alias " + TEXT + " NOT NULL, version INTEGER NOT NULL,"
                        + " name " + TEXT + " NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE"
                        + " ON DELETE CASCADE, PRIMARY KEY (name, alias))");
    }

    private static List<String> functions() {
        return List.of(
                // SQLite's json_each over a JSON array: each element as text, with its 0-based position as key.
                "CREATE FUNCTION json_each(ids TEXT) RETURNS TABLE (key INTEGER, value TEXT) LANGUAGE sql IMMUTABLE"
                        + " AS $$ SELECT (e.n - 1)::INTEGER, e.v FROM json_array_elements_text(ids::json)"
                        + " WITH ORDINALITY AS e(v, n) $$",
                // SQLite's json_extract for the paths the statements use: '$[i]' of a JSON array.
                "CREATE FUNCTION json_extract(doc TEXT, path TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE"
                        + " AS $$ SELECT (doc::json) ->> (substring(path FROM '^\\$\\[([0-9]+)\\]$'))::INTEGER $$",
                // The absolute location of a record relative to the artifact root of this connection.
                "CREATE FUNCTION " + RunSearchQuery.ABSOLUTE_LOCATION_FUNCTION + "(p TEXT) RETURNS TEXT"
                        + " LANGUAGE sql STABLE AS $$ SELECT CASE WHEN p IS NULL OR left(p, 1) = '/' THEN p"
                        + " WHEN p = '.' THEN current_setting('" + PostgresDatabase.ARTIFACT_ROOT_SETTING + "')"
                        + " ELSE current_setting('" + PostgresDatabase.ARTIFACT_ROOT_SETTING + "') || '/' || p END $$");
    }

    private static List<String> indexes() {
        return List.of(
                "CREATE INDEX index_metrics_history ON metrics (run_uuid, key, step, timestamp) INCLUDE (value, is_nan, is_inf)",
                "CREATE INDEX index_latest_metrics_order ON latest_metrics (key, is_nan, value, run_uuid)",
                "CREATE INDEX index_params_order ON params (key, value, run_uuid)",
                "CREATE INDEX index_tags_order ON tags (key, value, run_uuid)",
                "CREATE INDEX " + RunSearchQuery.TAGS_BY_RUN + " ON tags (run_uuid, key) INCLUDE (value)",
                "CREATE INDEX " + RunSearchQuery.PARAMS_BY_RUN + " ON params (run_uuid, key) INCLUDE (value)",
                "CREATE INDEX " + RunSearchQuery.METRICS_BY_RUN + " ON latest_metrics (run_uuid, key)"
                        + " INCLUDE (value, timestamp, step, is_nan, is_inf)",
                "CREATE INDEX index_runs_experiment_start ON runs (experiment_id, start_time)",
                "CREATE INDEX index_runs_parent ON runs (parent_run_id)",
                "CREATE INDEX index_inputs_destination ON inputs (destination_type, destination_id)",
                "CREATE INDEX index_datasets_uuid ON datasets (dataset_uuid)",
                "CREATE INDEX index_model_versions_run ON model_versions (run_id)",
                "CREATE INDEX index_experiment_tags_experiment ON experiment_tags (experiment_id)",
                "CREATE INDEX index_registered_model_tags_name ON registered_model_tags (name)",
                "CREATE INDEX index_model_version_tags_version ON model_version_tags (name, version)");
    }
}
