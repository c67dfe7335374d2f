package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ViewType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Experiment, registered-model and model-version searches executed on SQLite; expected results are
 * worked out by hand from the rows inserted in {@link #populate()}.
 */
class RegistrySearchSqlTest {
    private SearchTestDb db;

    @BeforeEach
    void populate() throws SQLException {
        db = new SearchTestDb();
        // experiment_id, name, stage, creation_time, last_update_time
        db.exec("INSERT INTO experiments VALUES (0, 'Default', '', 'active', 100, 100)");
        db.exec("INSERT INTO experiments VALUES (1, 'nyc-taxi', '', 'active', 200, 900)");
        db.exec("INSERT INTO experiments VALUES (2, 'NYC-green', '', 'active', 300, 300)");
        db.exec("INSERT INTO experiments VALUES (3, 'old', '', 'deleted', 300, 400)");
        db.exec("INSERT INTO experiment_tags VALUES ('owner', 'ana', 1)");
        db.exec("INSERT INTO experiment_tags VALUES ('owner', 'Bob', 2)");

        // name, creation_time, last_updated_time
        db.exec("INSERT INTO registered_models VALUES ('duration-ridge', 10, 50, '')");
        db.exec("INSERT INTO registered_models VALUES ('duration-xgb', 20, 40, '')");
        db.exec("INSERT INTO registered_models VALUES ('Fare', 30, 30, '')");
        db.exec("INSERT INTO registered_model_tags VALUES ('task', 'regression', 'duration-xgb')");

        version("duration-ridge", 1, "r1", "runs:/r1/model", "None");
        version("duration-ridge", 2, "r2", "runs:/r2/model", "Production");
        version("duration-ridge", 3, "r3", "runs:/r3/model", ModelVersionSearchQuery.DELETED_STAGE);
        version("duration-xgb", 1, "r4", "s3://bucket/xgb", "Staging");
        db.exec("INSERT INTO model_version_tags VALUES ('validated', 'yes', 'duration-ridge', 2)");
    }

    private void version(String name, int version, String runId, String source, String stage) throws SQLException {
        db.exec(
                "INSERT INTO model_versions (name, version, creation_time, last_updated_time, current_stage, source,"
                        + " run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                name,
                version,
                version * 10L,
                version * 10L,
                stage,
                source,
                runId);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private List<Long> experiments(String filter, ViewType view, String... orderBy) {
        SqlQuery q = ExperimentSearchQuery.build(filter, List.of(orderBy), view, null, null);
        return q.execute(db.connection, rs -> rs.getLong(1)).items();
    }

    private List<String> models(String filter, String... orderBy) {
        return RegisteredModelSearchQuery.build(filter, List.of(orderBy), null, null)
                .execute(db.connection, rs -> rs.getString(1))
                .items();
    }

    private List<String> versions(String filter, String... orderBy) {
        return ModelVersionSearchQuery.build(filter, List.of(orderBy), null, null)
                .execute(db.connection, rs -> rs.getString(1) + "/" + rs.getInt(2))
                .items();
    }

    @Test
    void experimentsDefaultOrderIsCreationTimeDescThenIdAsc() {
        assertEquals(List.of(2L, 1L, 0L), experiments(null, ViewType.ACTIVE_ONLY));
        assertEquals(List.of(2L, 3L, 1L, 0L), experiments(null, ViewType.ALL));
        assertEquals(List.of(3L), experiments(null, ViewType.DELETED_ONLY));
    }

    @Test
    void experimentFilters() {
        assertEquals(List.of(1L), experiments("name LIKE 'nyc%'", ViewType.ALL));
        assertEquals(List.of(2L, 1L), experiments("name ILIKE 'nyc%'", ViewType.ALL));
        assertEquals(List.of(1L), experiments("attribute.name = 'nyc-taxi'", ViewType.ALL));
        assertEquals(List.of(3L, 1L), experiments("last_update_time >= 400", ViewType.ALL));
        assertEquals(List.of(2L, 3L), experiments("creation_time > 200 AND creation_time != 100", ViewType.ALL));
        assertEquals(List.of(1L), experiments("tags.owner = 'ana'", ViewType.ALL));
        assertEquals(List.of(2L, 1L), experiments("tag.owner ILIKE '%'", ViewType.ALL));
    }

    @Test
    void experimentOrderGetsIdDescTiebreak() {
        // creation_time ties between 2 and 3 are broken by experiment_id DESC, as MLflow appends.
        assertEquals(List.of(3L, 2L, 1L, 0L), experiments(null, ViewType.ALL, "creation_time DESC"));
        // Binary order: 'Default' < 'NYC-green' < 'nyc-taxi' < 'old'.
        assertEquals(List.of(0L, 2L, 1L, 3L), experiments(null, ViewType.ALL, "name"));
        assertEquals(List.of(0L, 1L, 2L, 3L), experiments(null, ViewType.ALL, "experiment_id"));
    }

    @Test
    void experimentGrammarErrors() {
        assertEquals(
                "Invalid entity type 'params'. Valid entity types are [attribute, tag, tags] at"
                        + " position 1 in filter 'params.x = 'a''",
                assertThrows(LatheException.class, () -> experiments("params.x = 'a'", ViewType.ALL))
                        .getMessage());
        assertEquals(
                "Comparator '<' is not allowed for attribute 'name', allowed are [=, !=, LIKE, ILIKE] at"
                        + " position 6 in filter 'name < 'b''",
                assertThrows(LatheException.class, () -> experiments("name < 'b'", ViewType.ALL))
                        .getMessage());
    }

    @Test
    void registeredModels() {
        assertEquals(List.of("Fare", "duration-ridge", "duration-xgb"), models(null));
        assertEquals(List.of("duration-ridge", "duration-xgb"), models("name LIKE 'duration-%'"));
        assertEquals(List.of("duration-xgb"), models("tags.task = 'regression'"));
        assertEquals(List.of("Fare"), models("name ILIKE 'fare'"));
        assertEquals(List.of("Fare", "duration-xgb", "duration-ridge"), models(null, "creation_timestamp DESC"));
        assertEquals(List.of("Fare", "duration-xgb", "duration-ridge"), models(null, "last_updated_timestamp"));
        assertEquals(
                "Invalid attribute key 'run_id' specified. Valid keys are [name] at position 1 in"
                        + " filter 'run_id = 'r1''",
                assertThrows(LatheException.class, () -> models("run_id = 'r1'"))
                        .getMessage());
    }

    @Test
    void modelVersionsSkipDeletedAndOrderByNameThenVersionDesc() {
        assertEquals(List.of("duration-ridge/2", "duration-ridge/1", "duration-xgb/1"), versions(null));
        // Version ties are broken by name ASC.
        assertEquals(
                List.of("duration-ridge/1", "duration-xgb/1", "duration-ridge/2"), versions(null, "version_number"));
    }

    @Test
    void modelVersionFilters() {
        assertEquals(List.of("duration-ridge/2", "duration-ridge/1"), versions("name = 'duration-ridge'"));
        assertEquals(List.of("duration-ridge/1", "duration-xgb/1"), versions("run_id IN ('r1', 'r4', 'r3')"));
        assertEquals(List.of("duration-ridge/2"), versions("version_number > 1"));
        assertEquals(List.of("duration-xgb/1"), versions("source_path LIKE 's3://%'"));
        assertEquals(List.of("duration-ridge/2"), versions("tags.validated = 'yes'"));
        assertEquals(List.of("duration-ridge/1"), versions("run_id = 'r1' AND version_number = 1"));
        assertEquals(
                "Expected a numeric value for attribute 'version_number' but found ''1'' at position 18 in filter"
                        + " 'version_number = '1''",
                assertThrows(LatheException.class, () -> versions("version_number = '1'"))
                        .getMessage());
    }

    @Test
    void pagingThroughModelVersions() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            SearchPage<String> page = ModelVersionSearchQuery.build(null, null, 1, token)
                    .execute(db.connection, rs -> rs.getString(1) + "/" + rs.getInt(2));
            seen.addAll(page.items());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        assertEquals(List.of("duration-ridge/2", "duration-ridge/1", "duration-xgb/1"), seen);
    }
}
