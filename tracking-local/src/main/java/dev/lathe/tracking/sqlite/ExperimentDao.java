package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceExistsException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.validation.EntityValidator;
import dev.lathe.tracking.validation.MlflowLimits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for experiments and their tags. */
final class ExperimentDao {
    static final String DEFAULT_NAME = "Default";
    private static final String COLUMNS =
            "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    /** The statements {@link #getAll} issues; tests explain them. */
    static final String BY_IDS = "SELECT " + COLUMNS
            + " FROM experiments WHERE experiment_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))";

    static final String TAGS_BY_IDS = "SELECT key, value, experiment_id FROM experiment_tags"
            + " WHERE experiment_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))";

    private final StorePaths paths;
    private final Path artifactRoot;

    /** Experiments of the store rooted at {@code paths}; default artifact locations go under {@code artifactRoot}. */
    ExperimentDao(StorePaths paths, Path artifactRoot) {
        this.paths = paths;
        this.artifactRoot = artifactRoot;
    }

    StorePaths paths() {
        return paths;
    }

    void ensureDefault(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        Sql.update(
                c,
                "INSERT INTO experiments (" + COLUMNS + ") VALUES (0, ?, ?, 'active', ?, ?) ON CONFLICT DO NOTHING",
                DEFAULT_NAME,
                paths.toStored(artifactRoot.resolve("0")),
                now,
                now);
    }

    String create(Connection c, String name, String artifactLocation, Map<String, String> tags) throws SQLException {
        EntityValidator.checkExperimentName(name);
        Path chosen = artifactLocation == null ? null : StorePaths.local("artifact location", artifactLocation);
        Optional<Experiment> existing = byName(c, name);
        if (existing.isPresent()) {
            throw new ResourceExistsException(String.format(
                    "experiment name '%s' already exists (id %s, lifecycle stage %s); names are unique,"
                            + " also among deleted experiments",
                    name,
                    existing.get().experimentId(),
                    existing.get().lifecycleStage().dbValue()));
        }
        return insert(c, name, chosen, tags);
    }

    /**
     * Inserts an experiment the caller found missing; when a concurrent writer inserted the same name
     * since, the name's unique key fails the statement and the database's retry runs the caller again.
     */
    private String insert(Connection c, String name, Path chosen, Map<String, String> tags) throws SQLException {
        long now = System.currentTimeMillis();
        Sql.update(
                c,
                "INSERT INTO experiments (name, lifecycle_stage, creation_time, last_update_time)"
                        + " VALUES (?, 'active', ?, ?)",
                name,
                now,
                now);
        long id = Sql.queryOne(c, "SELECT experiment_id FROM experiments WHERE name = ?", rs -> rs.getLong(1), name)
                .orElseThrow();
        String location = paths.toStored(chosen == null ? artifactRoot.resolve(Long.toString(id)) : chosen);
        Sql.update(c, "UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?", location, id);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            setTag(c, Long.toString(id), t.getKey(), t.getValue());
        }
        return Long.toString(id);
    }

    /** The id of the active experiment named {@code name}, created when absent; a deleted one is an error. */
    String getOrCreate(Connection c, String name) throws SQLException {
        Optional<Experiment> e = byName(c, name);
        if (e.isEmpty()) {
            EntityValidator.checkExperimentName(name);
            return insert(c, name, null, Map.of());
        }
        LatheException.check(
                ErrorCode.INVALID_STATE,
                e.get().lifecycleStage() == LifecycleStage.ACTIVE,
                "experiment '%s' (id %s) is deleted; restore it or choose another name",
                name,
                e.get().experimentId());
        return e.get().experimentId();
    }

    Experiment get(Connection c, String experimentId) throws SQLException {
        long id = Sql.parseId("experiment", experimentId);
        return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM experiments WHERE experiment_id = ?", this::row, id)
                .orElseThrow(() -> new ResourceNotFoundException("no experiment with id '" + experimentId + "'"))
                .withTags(tags(c, id));
    }

    /**
     * The experiments among {@code ids} that exist, in the order of {@code ids}, with two statements
     * whatever their number (the ids passed as one JSON array to {@code json_each}).
     */
    List<Experiment> getAll(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String json = ids.toString();
        Map<Long, Partial> rows = new HashMap<>();
        for (Partial p : Sql.query(c, BY_IDS, this::row, json)) {
            rows.put(Long.parseLong(p.id), p);
        }
        Map<Long, TreeMap<String, String>> tags = new HashMap<>();
        Sql.query(
                c,
                TAGS_BY_IDS,
                rs -> tags.computeIfAbsent(rs.getLong(3), k -> new TreeMap<>()).put(rs.getString(1), rs.getString(2)),
                json);
        List<Experiment> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Partial p = rows.get(id);
            if (p != null) {
                out.add(p.withTags(tags.getOrDefault(id, new TreeMap<>())));
            }
        }
        return out;
    }

    Optional<Experiment> byName(Connection c, String name) throws SQLException {
        Optional<Partial> p =
                Sql.queryOne(c, "SELECT " + COLUMNS + " FROM experiments WHERE name = ?", this::row, name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(p.get().withTags(tags(c, Long.parseLong(p.get().id))));
    }

    List<Experiment> list(Connection c, ViewType view) throws SQLException {
        List<Partial> rows = Sql.query(c, "SELECT " + COLUMNS + " FROM experiments ORDER BY experiment_id", this::row);
        List<Experiment> out = new ArrayList<>();
        for (Partial p : rows) {
            if (view.includes(p.stage)) {
                out.add(p.withTags(tags(c, Long.parseLong(p.id))));
            }
        }
        return out;
    }

    void rename(Connection c, String experimentId, String newName) throws SQLException {
        EntityValidator.checkExperimentName(newName);
        Experiment e = get(c, experimentId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                e.lifecycleStage() == LifecycleStage.ACTIVE,
                "cannot rename experiment %s: it is deleted",
                experimentId);
        Optional<Experiment> clash = byName(c, newName);
        LatheException.check(
                ErrorCode.RESOURCE_ALREADY_EXISTS,
                clash.isEmpty() || clash.get().experimentId().equals(experimentId),
                "cannot rename experiment %s to '%s': that name is used by experiment %s",
                experimentId,
                newName,
                clash.map(Experiment::experimentId).orElse(""));
        Sql.update(
                c,
                "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?",
                newName,
                System.currentTimeMillis(),
                Long.parseLong(experimentId));
    }

    void setStage(Connection c, String experimentId, LifecycleStage stage) throws SQLException {
        Experiment e = get(c, experimentId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                e.lifecycleStage() != stage,
                "experiment %s is already %s",
                experimentId,
                stage.dbValue());
        long now = System.currentTimeMillis();
        long id = Long.parseLong(experimentId);
        Sql.update(
                c,
                "UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?",
                stage.dbValue(),
                now,
                id);
        Sql.update(
                c,
                "UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE experiment_id = ?",
                stage.dbValue(),
                stage == LifecycleStage.DELETED ? now : null,
                id);
    }

    void setTag(Connection c, String experimentId, String key, String value) throws SQLException {
        EntityValidator.checkKey("experiment tag", key);
        LatheException.check(value != null, "experiment tag '%s' value must not be null", key);
        LatheException.check(
                value.length() <= MlflowLimits.MAX_EXPERIMENT_TAG_VALUE_LENGTH,
                "experiment tag '%s' value has length %d, which exceeds the limit of %d",
                key,
                value.length(),
                MlflowLimits.MAX_EXPERIMENT_TAG_VALUE_LENGTH);
        Experiment e = get(c, experimentId);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                e.lifecycleStage() == LifecycleStage.ACTIVE,
                "cannot set tag '%s' on experiment %s: it is deleted",
                key,
                experimentId);
        Sql.update(
                c,
                "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (key, experiment_id) DO UPDATE SET value = excluded.value",
                key,
                value,
                Long.parseLong(experimentId));
    }

    private TreeMap<String, String> tags(Connection c, long id) throws SQLException {
        TreeMap<String, String> tags = new TreeMap<>();
        for (String[] kv : Sql.query(
                c,
                "SELECT key, value FROM experiment_tags WHERE experiment_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                id)) {
            tags.put(kv[0], kv[1]);
        }
        return tags;
    }

    private Partial row(ResultSet rs) throws SQLException {
        return new Partial(
                Long.toString(rs.getLong(1)),
                rs.getString(2),
                paths.toAbsolute(rs.getString(3)),
                LifecycleStage.fromDb(rs.getString(4)),
                rs.getLong(5),
                rs.getLong(6));
    }

    /** An experiment row before its tags are read. */
    private record Partial(String id, String name, String location, LifecycleStage stage, long created, long updated) {
        Experiment withTags(Map<String, String> tags) {
            return Experiment.of(id, name, location, stage, created, updated, tags);
        }
    }
}
