package dev.lathe.tracking.sqlite;

import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for registered models, versions (soft-deleted as MLflow's Deleted_Internal), tags and aliases. */
final class RegistryDao {
    static final String DELETED_STAGE = "Deleted_Internal";
    private static final String VERSION_COLUMNS = "name, version, creation_time, last_updated_time, description,"
            + " user_id, current_stage, source, run_id, status";

    Optional<RegisteredModel> model(Connection c, String name) throws SQLException {
        Optional<Object[]> row = Sql.queryOne(
                c,
                "SELECT creation_time, last_updated_time, description FROM registered_models WHERE name = ?",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)},
                name);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long created = (Long) row.get()[0];
        long updated = (Long) row.get()[1];
        String description = (String) row.get()[2];
        TreeMap<String, String> tags = new TreeMap<>();
        for (String[] kv : Sql.query(
                c,
                "SELECT key, value FROM registered_model_tags WHERE name = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                name)) {
            tags.put(kv[0], kv[1]);
        }
        TreeMap<String, Integer> aliases = new TreeMap<>();
        for (Object[] av : Sql.query(
                c,
                "SELECT alias, version FROM registered_model_aliases WHERE name = ?",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)},
                name)) {
            aliases.put((String) av[0], (Integer) av[1]);
        }
        return Optional.of(new RegisteredModel(name, created, updated, description, tags, aliases));
    }

    RegisteredModel requireModel(Connection c, String name) throws SQLException {
        return model(c, name)
                .orElseThrow(() -> new ResourceNotFoundException("no registered model named '" + name + "'"));
    }

    void touch(Connection c, String name, long now) throws SQLException {
        Sql.update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
    }

    Optional<ModelVersion> version(Connection c, String name, int version) throws SQLException {
        Optional<ModelVersion> v = Sql.queryOne(
                c,
                "SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE name = ? AND version = ?"
                        + " AND current_stage IS NOT ?",
                rs -> row(c, rs),
                name,
                version,
                DELETED_STAGE);
        return v;
    }

    ModelVersion requireVersion(Connection c, String name, int version) throws SQLException {
        requireModel(c, name);
        return version(c, name, version)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "registered model '" + name + "' has no version " + version + " (or it was deleted)"));
    }

    List<ModelVersion> versions(Connection c, String name) throws SQLException {
        return Sql.query(
                c,
                "SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE name = ? AND current_stage IS NOT ?"
                        + " ORDER BY version",
                rs -> row(c, rs),
                name,
                DELETED_STAGE);
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

    private ModelVersion row(Connection c, ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        int version = rs.getInt(2);
        long created = rs.getLong(3);
        long updated = rs.getLong(4);
        String description = rs.getString(5);
        String user = rs.getString(6);
        ModelStage stage = ModelStage.parse(rs.getString(7));
        String source = rs.getString(8);
        String runId = rs.getString(9);
        String status = rs.getString(10);
        TreeMap<String, String> tags = new TreeMap<>();
        for (String[] kv : Sql.query(
                c,
                "SELECT key, value FROM model_version_tags WHERE name = ? AND version = ?",
                r -> new String[] {r.getString(1), r.getString(2)},
                name,
                version)) {
            tags.put(kv[0], kv[1]);
        }
        List<String> aliases = Sql.query(
                c,
                "SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? ORDER BY alias",
                r -> r.getString(1),
                name,
                version);
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
                tags,
                aliases);
    }
}
