package dev.lathe.tracking.sqlite;

import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for registered models, versions (soft-deleted as MLflow's Deleted_Internal), tags and aliases. */
final class RegistryDao {
    static final String DELETED_STAGE = "Deleted_Internal";
    private static final String VERSION_COLUMNS = "name, version, creation_time, last_updated_time, description,"
            + " user_id, current_stage, source, run_id, status";

    /** A model version's identity. */
    record VersionKey(String name, int version) {}

    /** The statements {@link #models} issues; tests explain them. */
    static final String MODELS = "SELECT name, creation_time, last_updated_time, description FROM registered_models"
            + " WHERE name IN " + JsonArrays.EACH;

    static final String MODEL_TAGS =
            "SELECT key, value, name FROM registered_model_tags WHERE name IN " + JsonArrays.EACH;
    static final String MODEL_ALIASES =
            "SELECT alias, version, name FROM registered_model_aliases WHERE name IN " + JsonArrays.EACH;

    /** The statements {@link #versions(Connection, List)} issues; tests explain them. */
    static final String VERSIONS = "SELECT " + VERSION_COLUMNS + " FROM model_versions" + " WHERE (name, version) IN "
            + JsonArrays.EACH_PAIR + " AND current_stage IS DISTINCT FROM ?";

    static final String VERSION_TAGS =
            "SELECT key, value, name, version FROM model_version_tags WHERE (name, version) IN " + JsonArrays.EACH_PAIR;
    static final String VERSION_ALIASES = "SELECT alias, name, version FROM registered_model_aliases"
            + " WHERE (name, version) IN " + JsonArrays.EACH_PAIR + " ORDER BY alias";

    private final StorePaths paths;

    RegistryDao(StorePaths paths) {
        this.paths = paths;
    }

    StorePaths paths() {
        return paths;
    }

    Optional<RegisteredModel> model(Connection c, String name) throws SQLException {
        return models(c, List.of(name)).stream().findFirst();
    }

    /**
     * The registered models among {@code names} that exist, in the order of {@code names}, with their
     * tags and aliases: three statements whatever their number.
     */
    List<RegisteredModel> models(Connection c, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        String json = JsonArrays.strings(names);
        Map<String, Object[]> rows = new HashMap<>();
        Sql.query(
                c,
                MODELS,
                rs -> rows.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getLong(3), rs.getString(4)}),
                json);
        Map<String, TreeMap<String, String>> tags = new HashMap<>();
        Sql.query(
                c,
                MODEL_TAGS,
                rs -> tags.computeIfAbsent(rs.getString(3), k -> new TreeMap<>())
                        .put(rs.getString(1), rs.getString(2)),
                json);
        Map<String, TreeMap<String, Integer>> aliases = new HashMap<>();
        Sql.query(
                c,
                MODEL_ALIASES,
                rs -> aliases.computeIfAbsent(rs.getString(3), k -> new TreeMap<>())
                        .put(rs.getString(1), rs.getInt(2)),
                json);
        List<RegisteredModel> out = new ArrayList<>(names.size());
        for (String name : names) {
            Object[] row = rows.get(name);
            if (row != null) {
                out.add(new RegisteredModel(
                        name,
                        (Long) row[0],
                        (Long) row[1],
                        (String) row[2],
                        tags.getOrDefault(name, new TreeMap<>()),
                        aliases.getOrDefault(name, new TreeMap<>())));
            }
        }
        return out;
    }

    RegisteredModel requireModel(Connection c, String name) throws SQLException {
        return model(c, name)
                .orElseThrow(() -> new ResourceNotFoundException("no registered model named '" + name + "'"));
    }

    void touch(Connection c, String name, long now) throws SQLException {
        Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
    }

    Optional<ModelVersion> version(Connection c, String name, int version) throws SQLException {
        return versions(c, List.of(new VersionKey(name, version))).stream().findFirst();
    }

    ModelVersion requireVersion(Connection c, String name, int version) throws SQLException {
        requireModel(c, name);
        return version(c, name, version)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "registered model '" + name + "' has no version " + version + " (or it was deleted)"));
    }

    List<ModelVersion> versions(Connection c, String name) throws SQLException {
        List<VersionKey> keys = Sql.query(
                c,
                "SELECT version FROM model_versions WHERE name = ? AND current_stage IS DISTINCT FROM ? ORDER BY version",
                rs -> new VersionKey(name, rs.getInt(1)),
                name,
                DELETED_STAGE);
        return versions(c, keys);
    }

    /**
     * The versions among {@code keys} that exist and are not deleted, in the order of {@code keys}, with
     * their tags and aliases: three statements whatever their number.
     */
    List<ModelVersion> versions(Connection c, List<VersionKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        String json = JsonArrays.pairs(keys);
        Map<VersionKey, TreeMap<String, String>> tags = new HashMap<>();
        Sql.query(
                c,
                VERSION_TAGS,
                rs -> tags.computeIfAbsent(new VersionKey(rs.getString(3), rs.getInt(4)), k -> new TreeMap<>())
                        .put(rs.getString(1), rs.getString(2)),
                json);
        Map<VersionKey, List<String>> aliases = new HashMap<>();
        Sql.query(
                c,
                VERSION_ALIASES,
                rs -> aliases.computeIfAbsent(new VersionKey(rs.getString(2), rs.getInt(3)), k -> new ArrayList<>())
                        .add(rs.getString(1)),
                json);
        Map<VersionKey, ModelVersion> rows = new HashMap<>();
        for (ModelVersion v : Sql.query(c, VERSIONS, rs -> row(rs, tags, aliases), json, DELETED_STAGE)) {
            rows.put(new VersionKey(v.name(), v.version()), v);
        }
        List<ModelVersion> out = new ArrayList<>(keys.size());
        for (VersionKey key : keys) {
            ModelVersion v = rows.get(key);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The next version number: one more than the highest ever issued, deleted versions included. */
    int nextVersion(Connection c, String name) throws SQLException {
        return Sql.queryOne(
                        c,
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?",
                        rs -> rs.getInt(1),
                        name)
                .orElse(1);
    }

    private ModelVersion row(
            ResultSet rs, Map<VersionKey, TreeMap<String, String>> tags, Map<VersionKey, List<String>> aliases)
            throws SQLException {
        String name = rs.getString(1);
        int version = rs.getInt(2);
        long created = rs.getLong(3);
        long updated = rs.getLong(4);
        String description = rs.getString(5);
        String user = rs.getString(6);
        ModelStage stage = ModelStage.parse(rs.getString(7));
        String source = paths.sourceToAbsolute(rs.getString(8));
        String runId = rs.getString(9);
        String status = rs.getString(10);
        VersionKey key = new VersionKey(name, version);
        return new ModelVersion(
                name,
                version,
                created,
                updated,
                description,
                user,
                stage,
                source,
                Optional.ofNullable(runId),
                status,
                tags.getOrDefault(key, new TreeMap<>()),
                aliases.getOrDefault(key, List.of()));
    }
}
