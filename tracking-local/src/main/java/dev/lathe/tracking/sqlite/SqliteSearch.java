package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.ExperimentSearchQuery;
import dev.lathe.tracking.search.ModelVersionSearchQuery;
import dev.lathe.tracking.search.RegisteredModelSearchQuery;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SearchPage;
import dev.lathe.tracking.search.SqlQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs MLflow searches: the {@code dev.lathe.tracking.search} package turns the filter and order-by
 * strings into parameterised SQL selecting ids; this class executes it and loads the entities, all
 * in one read transaction and with a fixed number of statements per page (each table read once for
 * all the page's ids). Registry searches work the same way on the registry tables.
 */
final class SqliteSearch {
    private final Database db;
    private final ExperimentDao experimentDao;

    SqliteSearch(Database db, ExperimentDao experimentDao) {
        this.db = db;
        this.experimentDao = experimentDao;
    }

    Page<Run> runs(
            List<String> experimentIds,
            String filter,
            List<String> orderBy,
            int maxResults,
            String pageToken,
            ViewType viewType) {
        List<Long> ids = new ArrayList<>();
        for (String id : experimentIds) {
            ids.add(Sql.parseId("experiment", id));
        }
        SqlQuery q = RunSearchQuery.build(
                db.dialect(), ids, filter, orderBy, viewType, maxResults, pageToken, RunSearchQuery.WALK_FROM_RUNS);
        return db.read(c -> runPage(c, experimentDao.paths(), q));
    }

    /** One page of runs: the search statement, then {@link SqliteRuns#loadAll}'s fixed set of statements. */
    static Page<Run> runPage(Connection c, StorePaths paths, SqlQuery q) throws SQLException {
        SearchPage<String> page = q.execute(c, rs -> rs.getString(1));
        return new Page<>(SqliteRuns.loadAll(c, paths, page.items()), page.nextPageToken());
    }

    Page<Experiment> experiments(
            String filter, List<String> orderBy, int maxResults, String pageToken, ViewType viewType) {
        SqlQuery q = ExperimentSearchQuery.build(db.dialect(), filter, orderBy, viewType, maxResults, pageToken);
        return db.read(c -> experimentPage(c, experimentDao, q));
    }

    /** One page of experiments: the search statement, then {@link ExperimentDao#getAll}'s two. */
    static Page<Experiment> experimentPage(Connection c, ExperimentDao dao, SqlQuery q) throws SQLException {
        SearchPage<Long> page = q.execute(c, rs -> rs.getLong(1));
        return new Page<>(dao.getAll(c, page.items()), page.nextPageToken());
    }

    Page<RegisteredModel> registeredModels(
            RegistryDao dao, String filter, List<String> orderBy, int maxResults, String pageToken) {
        SqlQuery q = RegisteredModelSearchQuery.build(db.dialect(), filter, orderBy, maxResults, pageToken);
        return db.read(c -> modelPage(c, dao, q));
    }

    /** One page of registered models: the search statement, then {@link RegistryDao#models}'s three. */
    static Page<RegisteredModel> modelPage(Connection c, RegistryDao dao, SqlQuery q) throws SQLException {
        SearchPage<String> page = q.execute(c, rs -> rs.getString(1));
        return new Page<>(dao.models(c, page.items()), page.nextPageToken());
    }

    Page<ModelVersion> modelVersions(
            RegistryDao dao, String filter, List<String> orderBy, int maxResults, String pageToken) {
        SqlQuery q = ModelVersionSearchQuery.build(db.dialect(), filter, orderBy, maxResults, pageToken);
        return db.read(c -> versionPage(c, dao, q));
    }

    /** One page of model versions: the search statement, then {@link RegistryDao#versions}'s three. */
    static Page<ModelVersion> versionPage(Connection c, RegistryDao dao, SqlQuery q) throws SQLException {
        SearchPage<RegistryDao.VersionKey> page =
                q.execute(c, rs -> new RegistryDao.VersionKey(rs.getString(1), rs.getInt(2)));
        return new Page<>(dao.versions(c, page.items()), page.nextPageToken());
    }
}
