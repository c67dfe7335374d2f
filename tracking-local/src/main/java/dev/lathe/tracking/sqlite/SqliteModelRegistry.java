package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.tracking.registry.AliasRules;
import dev.lathe.tracking.registry.ModelUriResolver;
import dev.lathe.tracking.validation.EntityValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model registry on the store's database (SQLite or PostgreSQL). */
final class SqliteModelRegistry implements ModelRegistry {
    private final Database db;
    private final JdbcTrackingStore store;
    private final SqliteSearch search;
    private final RegistryDao dao;

    SqliteModelRegistry(Database db, JdbcTrackingStore store, SqliteSearch search, RegistryDao dao) {
        this.db = db;
        this.dao = dao;
        this.store = store;
        this.search = search;
    }

    @Override
    public RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags) {
        AliasRules.checkModelName(name);
        tags.forEach(EntityValidator::checkTag);
        return db.write(c -> {
            LatheException.check(
                    ErrorCode.RESOURCE_ALREADY_EXISTS,
                    dao.model(c, name).isEmpty(),
                    "registered model '%s' already exists",
                    name);
            long now = System.currentTimeMillis();
            Sql.update(
                    c,
                    "INSERT INTO registered_models (name, creation_time, last_updated_time, description)"
                            + " VALUES (?, ?, ?, ?)",
                    name,
                    now,
                    now,
                    description);
            for (Map.Entry<String, String> t : tags.entrySet()) {
                Sql.update(
                        c,
                        "INSERT INTO registered_model_tags (key, value, name) VALUES (?, ?, ?)",
                        t.getKey(),
                        t.getValue(),
                        name);
            }
            return dao.requireModel(c, name);
        });
    }

    @Override
    public RegisteredModel getRegisteredModel(String name) {
        return db.read(c -> dao.requireModel(c, name));
    }

    @Override
    public Optional<RegisteredModel> findRegisteredModel(String name) {
        return db.read(c -> dao.model(c, name));
    }

    @Override
    public RegisteredModel renameRegisteredModel(String name, String newName) {
        AliasRules.checkModelName(newName);
        return db.write(c -> {
            dao.requireModel(c, name);
            LatheException.check(
                    dao.model(c, newName).isEmpty(),
                    "cannot rename registered model '%s' to '%s': that name is taken",
                    name,
                    newName);
            Sql.update(
                    c,
                    "UPDATE registered_models SET name = ?, last_updated_time = ? WHERE name = ?",
                    newName,
                    System.currentTimeMillis(),
                    name);
            return dao.requireModel(c, newName);
        });
    }

    @Override
    public void updateRegisteredModelDescription(String name, String description) {
        db.execute(c -> {
            dao.requireModel(c, name);
            long now = System.currentTimeMillis();
            Sql.update(
                    c,
                    "UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?",
                    description,
                    now,
                    name);
        });
    }

    @Override
    public void deleteRegisteredModel(String name) {
        db.execute(c -> {
            dao.requireModel(c, name);
            Sql.update(c, "DELETE FROM registered_models WHERE name = ?", name);
        });
    }

    @Override
    public void setRegisteredModelTag(String name, String key, String value) {
        EntityValidator.checkTag(key, value);
        db.execute(c -> {
            dao.requireModel(c, name);
            Sql.update(
                    c,
                    "INSERT INTO registered_model_tags (key, value, name) VALUES (?, ?, ?)"
                            + " ON CONFLICT (key, name) DO UPDATE SET value = excluded.value",
                    key,
                    value,
                    name);
        });
    }

    @Override
    public void deleteRegisteredModelTag(String name, String key) {
        db.execute(c -> {
            dao.requireModel(c, name);
            int n = Sql.update(c, "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", name, key);
            LatheException.check(n == 1, "registered model '%s' has no tag '%s'", name, key);
        });
    }

    @Override
    public ModelVersion createModelVersion(
            String name, String source, String runId, String description, Map<String, String> tags) {
        LatheException.check(source != null && !source.isBlank(), "model version of '%s' needs a source", name);
        tags.forEach(EntityValidator::checkTag);
        if (runId != null) {
            store.getRun(runId);
        }
        ModelUriResolver.checkSource(store, source);
        String stored = dao.paths().sourceToStored(source);
        return db.write(c -> {
            dao.requireModel(c, name);
            int version = dao.nextVersion(c, name);
            long now = System.currentTimeMillis();
            Sql.update(
                    c,
                    "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description,"
                            + " user_id, current_stage, source, run_id, run_link, status, status_message)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'READY', NULL)",
                    name,
                    version,
                    now,
                    now,
                    description,
                    System.getProperty("user.name", "unknown"),
                    ModelStage.NONE.label(),
                    stored,
                    runId);
            for (Map.Entry<String, String> t : tags.entrySet()) {
                Sql.update(
                        c,
                        "INSERT INTO model_version_tags (key, value, name, version) VALUES (?, ?, ?, ?)",
                        t.getKey(),
                        t.getValue(),
                        name,
                        version);
            }
            dao.touch(c, name, now);
            return dao.requireVersion(c, name, version);
        });
    }

    @Override
    public ModelVersion getModelVersion(String name, int version) {
        return db.read(c -> dao.requireVersion(c, name, version));
    }

    @Override
    public List<ModelVersion> listModelVersions(String name) {
        return db.read(c -> {
            dao.requireModel(c, name);
            return dao.versions(c, name);
        });
    }

    @Override
    public void deleteModelVersion(String name, int version) {
        db.execute(c -> {
            dao.requireVersion(c, name, version);
            Sql.update(
                    c,
                    "UPDATE model_versions SET current_stage = ?, description = NULL, user_id = NULL,"
                            + " source = 'REDACTED-SOURCE-PATH', run_id = NULL, run_link = NULL,"
                            + " status_message = NULL, last_updated_time = ? WHERE name = ? AND version = ?",
                    RegistryDao.DELETED_STAGE,
                    System.currentTimeMillis(),
                    name,
                    version);
            Sql.update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ?", name, version);
            Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", name, version);
        });
    }

    @Override
    public void updateModelVersionDescription(String name, int version, String description) {
        db.execute(c -> {
            dao.requireVersion(c, name, version);
            Sql.update(
                    c,
                    "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                    description,
                    System.currentTimeMillis(),
                    name,
                    version);
        });
    }

    @Override
    public void setModelVersionTag(String name, int version, String key, String value) {
        EntityValidator.checkTag(key, value);
        db.execute(c -> {
            dao.requireVersion(c, name, version);
            Sql.update(
                    c,
                    "INSERT INTO model_version_tags (key, value, name, version) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (key, name, version) DO UPDATE SET value = excluded.value",
                    key,
                    value,
                    name,
                    version);
        });
    }

    @Override
    public void deleteModelVersionTag(String name, int version, String key) {
        db.execute(c -> {
            dao.requireVersion(c, name, version);
            int n = Sql.update(
                    c, "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", name, version, key);
            LatheException.check(n == 1, "version %d of model '%s' has no tag '%s'", version, name, key);
        });
    }

    @Override
    public ModelVersion transitionModelVersionStage(
            String name, int version, ModelStage stage, boolean archiveExistingVersions) {
        LatheException.check(
                !archiveExistingVersions || stage == ModelStage.STAGING || stage == ModelStage.PRODUCTION,
                "archive_existing_versions is only supported for Staging and Production, got stage %s",
                stage.label());
        return db.write(c -> {
            dao.requireVersion(c, name, version);
            long now = System.currentTimeMillis();
            if (archiveExistingVersions) {
                Sql.update(
                        c,
                        "UPDATE model_versions SET current_stage = ?, last_updated_time = ?"
                                + " WHERE name = ? AND version <> ? AND current_stage = ?",
                        ModelStage.ARCHIVED.label(),
                        now,
                        name,
                        version,
                        stage.label());
            }
            Sql.update(
                    c,
                    "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND version = ?",
                    stage.label(),
                    now,
                    name,
                    version);
            dao.touch(c, name, now);
            return dao.requireVersion(c, name, version);
        });
    }

    @Override
    public void setAlias(String name, String alias, int version) {
        AliasRules.check(alias);
        db.execute(c -> {
            dao.requireVersion(c, name, version);
            Sql.update(
                    c,
                    "INSERT INTO registered_model_aliases (alias, version, name) VALUES (?, ?, ?)"
                            + " ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version",
                    alias,
                    version,
                    name);
        });
    }

    @Override
    public void deleteAlias(String name, String alias) {
        db.execute(c -> {
            dao.requireModel(c, name);
            int n = Sql.update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias);
            LatheException.check(
                    ErrorCode.RESOURCE_DOES_NOT_EXIST, n == 1, "registered model '%s' has no alias '%s'", name, alias);
        });
    }

    @Override
    public ModelVersion getModelVersionByAlias(String name, String alias) {
        return db.read(c -> {
            dao.requireModel(c, name);
            int version = Sql.queryOne(
                            c,
                            "SELECT version FROM registered_model_aliases WHERE name = ? AND alias = ?",
                            rs -> rs.getInt(1),
                            name,
                            alias)
                    .orElseThrow(() -> new ResourceNotFoundException(
                            "registered model '" + name + "' has no alias '" + alias + "'"));
            return dao.requireVersion(c, name, version);
        });
    }

    @Override
    public Optional<ModelVersion> latestVersion(String name, Optional<ModelStage> stage) {
        return db.read(c -> {
            dao.requireModel(c, name);
            List<ModelVersion> all = dao.versions(c, name);
            Optional<ModelVersion> best = Optional.empty();
            for (ModelVersion v : all) {
                if (stage.isEmpty() || v.currentStage() == stage.get()) {
                    best = Optional.of(v);
                }
            }
            return best;
        });
    }

    @Override
    public Page<RegisteredModel> searchRegisteredModels(
            String filter, List<String> orderBy, int maxResults, String pageToken) {
        return search.registeredModels(dao, filter, orderBy, maxResults, pageToken);
    }

    @Override
    public Page<ModelVersion> searchModelVersions(
            String filter, List<String> orderBy, int maxResults, String pageToken) {
        return search.modelVersions(dao, filter, orderBy, maxResults, pageToken);
    }

    @Override
    public Path resolve(String uri) {
        return ModelUriResolver.resolve(store, this, uri);
    }
}
