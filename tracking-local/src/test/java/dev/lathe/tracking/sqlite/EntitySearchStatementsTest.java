package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.ExperimentSearchQuery;
import dev.lathe.tracking.search.ModelVersionSearchQuery;
import dev.lathe.tracking.search.RegisteredModelSearchQuery;
import dev.lathe.tracking.search.SqlQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment, registered-model and model-version search pages issue a fixed number of statements
 * whatever their size, load what the single-entity getters load, and no statement scans a tag table
 * in full (EXPLAIN QUERY PLAN).
 */
class EntitySearchStatementsTest {
    private static final int ENTITIES = 240;
    private static final Set<String> TAG_TABLES =
            Set.of("experiment_tags", "registered_model_tags", "model_version_tags", "registered_model_aliases");

    @TempDir
    static Path dir;

    private static SqliteTrackingStore store;
    private static RegistryDao registryDao;
    private static ExperimentDao experiments;

    @BeforeAll
    static void fill() {
        store = SqliteTrackingStore.open(dir);
        experiments = new ExperimentDao(new StorePaths(dir), dir.resolve("artifacts"));
        registryDao = new RegistryDao(new StorePaths(dir));
        ModelRegistry registry = store.registry();
        for (int i = 0; i < ENTITIES; i++) {
            String parity = i % 2 == 0 ? "even" : "odd";
            store.createExperiment("exp-" + i, null, Map.of("parity", parity, "team", "t" + i % 5));
            String model = "model-" + i;
            registry.createRegisteredModel(model, "model " + i, Map.of("parity", parity));
            registry.createModelVersion(model, "file:///models/" + i + "/1", null, null, Map.of("parity", parity));
            registry.createModelVersion(model, "file:///models/" + i + "/2", null, null, Map.of());
            registry.setAlias(model, "champion", 2);
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void experimentPagesTakeThreeStatementsAndMatchGetExperiment() {
        for (int size : new int[] {1, 10, 100}) {
            SqlQuery q = ExperimentSearchQuery.build(
                    "tags.parity = 'even'", List.of("name DESC"), ViewType.ACTIVE_ONLY, size, null);
            List<String> sql = new ArrayList<>();
            Page<Experiment> page =
                    store.db().read(c -> SqliteSearch.experimentPage(StatementPlans.recording(c, sql), experiments, q));
            assertEquals(size, page.items().size());
            assertEquals(3, sql.size(), "statements for a page of " + size + ": " + sql);
            for (Experiment e : page.items()) {
                assertEquals(store.getExperiment(e.experimentId()), e);
                assertEquals("even", e.tags().get("parity"));
            }
            sql.forEach(s -> StatementPlans.assertNoFullScan(store, s, TAG_TABLES));
        }
    }

    @Test
    void registeredModelPagesTakeFourStatementsAndMatchGetRegisteredModel() {
        for (int size : new int[] {1, 10, 100}) {
            SqlQuery q = RegisteredModelSearchQuery.build(
                    "tags.parity = 'odd'", List.of("last_updated_timestamp DESC"), size, null);
            List<String> sql = new ArrayList<>();
            Page<RegisteredModel> page =
                    store.db().read(c -> SqliteSearch.modelPage(StatementPlans.recording(c, sql), registryDao, q));
            assertEquals(size, page.items().size());
            assertEquals(4, sql.size(), "statements for a page of " + size + ": " + sql);
            for (RegisteredModel m : page.items()) {
                assertEquals(store.registry().getRegisteredModel(m.name()), m);
                assertEquals(Map.of("champion", 2), m.aliases());
            }
            sql.forEach(s -> StatementPlans.assertNoFullScan(store, s, TAG_TABLES));
        }
    }

    @Test
    void modelVersionPagesTakeFourStatementsAndMatchGetModelVersion() {
        for (int size : new int[] {1, 10, 100}) {
            SqlQuery q = ModelVersionSearchQuery.build(
                    "tags.parity = 'even'", List.of("creation_timestamp DESC"), size, null);
            List<String> sql = new ArrayList<>();
            Page<ModelVersion> page =
                    store.db().read(c -> SqliteSearch.versionPage(StatementPlans.recording(c, sql), registryDao, q));
            assertEquals(size, page.items().size());
            assertEquals(4, sql.size(), "statements for a page of " + size + ": " + sql);
            for (ModelVersion v : page.items()) {
                assertEquals(store.registry().getModelVersion(v.name(), v.version()), v);
                assertEquals(1, v.version());
                assertEquals(List.of(), v.aliases());
            }
            sql.forEach(s -> StatementPlans.assertNoFullScan(store, s, TAG_TABLES));
        }
        ModelVersion champion = store.registry().getModelVersion("model-3", 2);
        assertEquals(List.of("champion"), champion.aliases());
    }
}
