package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.tracking.runs.RunNameGenerator;
import dev.lathe.tracking.validation.EntityValidator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for runs: creation with MLflow's system tags, info, status, soft delete, and tags. */
final class RunDao {
    static final String COLUMNS = "run_uuid, experiment_id, name, user_id, status, start_time, end_time,"
            + " lifecycle_stage, artifact_uri, source_name, source_version, parent_run_id, deleted_time";

    private final ExperimentDao experiments;
    private final RunNameGenerator names;
    private final String sourceName;
    private final Optional<String> codeVersion;

    RunDao(ExperimentDao experiments, RunNameGenerator names, String sourceName, Optional<String> codeVersion) {
        this.experiments = experiments;
        this.names = names;
        this.sourceName = sourceName;
        this.codeVersion = codeVersion;
    }

    /** Creates a run, started now, through the same inserts as batched writes ({@link RunBatchWriter}). */
    RunInfo create(Connection c, RunSpec spec) throws SQLException {
        NewRun run = plan(checkedExperiment(c, spec.experimentId()), spec, System.currentTimeMillis());
        if (spec.parentRunId().isPresent()) {
            checkParent(info(c, spec.parentRunId().get()));
        }
        try (RowInserter runs = new RowInserter(c, INSERT_RUNS, RUN_COLUMNS, "")) {
            runs.add(row(run, RunStatus.RUNNING, null));
            runs.flush();
        }
        try (RowInserter tags = new RowInserter(c, TAG_INSERT_HEAD, 3, TAG_CONFLICT)) {
            for (Map.Entry<String, String> t : run.tags().entrySet()) {
                tags.add(t.getKey(), t.getValue(), run.runId());
            }
            tags.flush();
        }
        return info(c, run.runId());
    }

    /** A run about to be inserted: its generated id and name, system tags included. */
    record NewRun(
            String runId,
            String runName,
            String user,
            long startTime,
            String artifactUri,
            long experimentId,
            String parentRunId,
            Map<String, String> tags) {}

    /** Head of the batched insert of {@link #row} values (see {@link RowInserter}). */
    static final String INSERT_RUNS = "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name,"
            + " user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id,"
            + " parent_run_id) VALUES";

    static final int RUN_COLUMNS = 14;

    /** The values of {@code run} for {@link #INSERT_RUNS}, inserted with a status (and end time when ended). */
    Object[] row(NewRun run, RunStatus status, Long endTime) {
        return new Object[] {
            run.runId(),
            run.runName(),
            "LOCAL",
            run.tags().getOrDefault(MlflowTags.SOURCE_NAME, sourceName),
            "",
            run.user(),
            status.name(),
            run.startTime(),
            endTime,
            codeVersion.orElse(null),
            "active",
            run.artifactUri(),
            run.experimentId(),
            run.parentRunId()
        };
    }

    /** Head and conflict clause of tag upserts (a later value for the same key wins). */
    static final String TAG_INSERT_HEAD = "INSERT INTO tags (key, value, run_uuid) VALUES";

    static final String TAG_CONFLICT = "ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value";

    static final String UPSERT_TAG = TAG_INSERT_HEAD + " (?, ?, ?) " + TAG_CONFLICT;

    /** The experiment, which must be active to take new runs. */
    Experiment checkedExperiment(Connection c, String experimentId) throws SQLException {
        Experiment exp = experiments.get(c, experimentId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                exp.lifecycleStage() == LifecycleStage.ACTIVE,
                "cannot start a run in experiment %s ('%s'): it is deleted",
                exp.experimentId(),
                exp.name());
        return exp;
    }

    static void checkParent(RunInfo parent) {
        LatheException.check(
                ErrorCode.INVALID_STATE,
                parent.lifecycleStage() == LifecycleStage.ACTIVE,
                "parent run %s is deleted",
                parent.runId());
    }

    /** Generates id, name and MLflow's system tags for a new run of {@code exp}; validates the tags. */
    NewRun plan(Experiment exp, RunSpec spec, long startTime) {
        String runId = UUID.randomUUID().toString().replace("-", "");
        String runName = spec.runName().filter(n -> !n.isBlank()).orElseGet(names::next);
        String user = spec.user().orElseGet(() -> System.getProperty("user.name", "unknown"));
        String artifactUri = experiments
                .paths()
                .toStored(Path.of(exp.artifactLocation()).resolve(runId).resolve("artifacts"));
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put(MlflowTags.RUN_NAME, runName);
        tags.put(MlflowTags.USER, user);
        tags.putIfAbsent(MlflowTags.SOURCE_NAME, sourceName); // as MLflow: a source the caller names wins
        tags.put(MlflowTags.SOURCE_TYPE, "LOCAL");
        codeVersion.ifPresent(v -> tags.put(MlflowTags.GIT_COMMIT, v));
        spec.parentRunId().ifPresent(p -> tags.put(MlflowTags.PARENT_RUN_ID, p));
        spec.description().ifPresent(d -> tags.put(MlflowTags.NOTE, d));
        for (Map.Entry<String, String> t : tags.entrySet()) {
            EntityValidator.checkTag(t.getKey(), t.getValue());
        }
        return new NewRun(
                runId,
                runName,
                user,
                spec.startTime().orElse(startTime),
                artifactUri,
                Long.parseLong(exp.experimentId()),
                spec.parentRunId().orElse(null),
                tags);
    }

    RunInfo info(Connection c, String runId) throws SQLException {
        LatheException.check(runId != null, "run id must not be null");
        return Sql.queryOne(
                        c,
                        "SELECT " + COLUMNS + " FROM runs WHERE run_uuid = ?",
                        rs -> row(rs, experiments.paths()),
                        runId)
                .orElseThrow(() -> new ResourceNotFoundException("no run with id '" + runId + "'"));
    }

    /** The run info of a {@link #COLUMNS} row, its artifact URI absolute at the store's current place. */
    static RunInfo row(ResultSet rs, StorePaths paths) throws SQLException {
        long end = rs.getLong(7);
        boolean noEnd = rs.wasNull();
        long deleted = rs.getLong(13);
        boolean notDeleted = rs.wasNull();
        return new RunInfo(
                rs.getString(1),
                Long.toString(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4),
                RunStatus.valueOf(rs.getString(5)),
                rs.getLong(6),
                noEnd ? OptionalLong.empty() : OptionalLong.of(end),
                LifecycleStage.fromDb(rs.getString(8)),
                paths.toAbsolute(rs.getString(9)),
                rs.getString(10),
                Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getString(12)),
                notDeleted ? OptionalLong.empty() : OptionalLong.of(deleted));
    }

    /** The run, which must exist, be active (not deleted) and, when {@code mustBeRunning}, not terminated. */
    RunInfo requireWritable(Connection c, String runId, boolean mustBeRunning) throws SQLException {
        RunInfo info = info(c, runId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                info.lifecycleStage() == LifecycleStage.ACTIVE,
                "run %s is deleted; restore it before logging to it",
                runId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                !mustBeRunning || !info.status().isTerminal(),
                "run %s has ended with status %s; logging to it is not allowed",
                runId,
                info.status());
        return info;
    }

    void updateStatus(Connection c, String runId, RunStatus status) throws SQLException {
        updateStatus(c, runId, status, System.currentTimeMillis());
    }

    /** Sets the status; a terminal one records {@code endTime} (epoch millis) as the run's end. */
    void updateStatus(Connection c, String runId, RunStatus status, long endTime) throws SQLException {
        requireWritable(c, runId, false);
        Long end = status.isTerminal() ? endTime : null;
        Sql.update(c, "UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ?", status.name(), end, runId);
    }

    /** Makes an existing, not deleted run RUNNING again (clearing its end time), as after a crash. */
    RunInfo reopen(Connection c, String runId) throws SQLException {
        requireWritable(c, runId, false);
        Sql.update(c, "UPDATE runs SET status = 'RUNNING', end_time = NULL WHERE run_uuid = ?", runId);
        return info(c, runId);
    }

    /** Ids of the active runs whose parent is {@code parentRunId}, oldest first. */
    List<String> childIds(Connection c, String parentRunId) throws SQLException {
        return Sql.query(
                c,
                "SELECT run_uuid FROM runs WHERE parent_run_id = ? AND lifecycle_stage = 'active'"
                        + " ORDER BY start_time, rowid",
                rs -> rs.getString(1),
                parentRunId);
    }

    void setStage(Connection c, String runId, LifecycleStage stage) throws SQLException {
        RunInfo info = info(c, runId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                info.lifecycleStage() != stage,
                "run %s is already %s",
                runId,
                stage.dbValue());
        if (stage == LifecycleStage.ACTIVE) {
            Experiment e = experiments.get(c, info.experimentId());
            LatheException.check(
                    ErrorCode.INVALID_STATE,
                    e.lifecycleStage() == LifecycleStage.ACTIVE,
                    "cannot restore run %s: its experiment %s is deleted",
                    runId,
                    e.experimentId());
        }
        Sql.update(
                c,
                "UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE run_uuid = ?",
                stage.dbValue(),
                stage == LifecycleStage.DELETED ? System.currentTimeMillis() : null,
                runId);
    }

    void setTags(Connection c, String runId, List<RunTag> tags) throws SQLException {
        requireWritable(c, runId, false);
        List<RunTag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(RunTag::key)); // one lock order for concurrent writers
        for (RunTag t : sorted) {
            EntityValidator.checkTag(t.key(), t.value());
            putTag(c, runId, t.key(), t.value());
            if (t.key().equals(MlflowTags.RUN_NAME)) {
                Sql.update(c, "UPDATE runs SET name = ? WHERE run_uuid = ?", t.value(), runId);
            }
        }
    }

    void deleteTag(Connection c, String runId, String key) throws SQLException {
        requireWritable(c, runId, false);
        int n = Sql.update(c, "DELETE FROM tags WHERE run_uuid = ? AND key = ?", runId, key);
        LatheException.check(n == 1, "run %s has no tag '%s' to delete", runId, key);
    }

    TreeMap<String, String> tags(Connection c, String runId) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        for (String[] kv : Sql.query(
                c,
                "SELECT key, value FROM tags WHERE run_uuid = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                runId)) {
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static void putTag(Connection c, String runId, String key, String value) throws SQLException {
        Sql.update(c, UPSERT_TAG, key, value, runId);
    }
}
