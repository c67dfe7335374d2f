package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search through the store: MLflow filters and order-by over runs, experiments and the registry, paging. */
public interface SearchContract extends StoreFixture {

    @Test
    default void searchRunsFiltersOrdersAndPages(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.createExperiment("search");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String id = store.createRun(
                                RunSpec.builder(exp).runName("run-" + i).build())
                        .runId();
                store.logMetric(id, new Metric("rmse", 10.0 - i, 1, 0));
                store.logParam(id, "model", i % 2 == 0 ? "ridge" : "lasso");
                ids.add(id);
            }
            store.deleteRun(ids.get(6));
            Page<Run> lowRmse = store.searchRuns(
                    List.of(exp),
                    "metrics.rmse <= 6 and params.model = 'ridge'",
                    List.of(),
                    100,
                    null,
                    ViewType.ACTIVE_ONLY);
            assertEquals(List.of(ids.get(4)), runIds(lowRmse));
            Page<Run> all = store.searchRuns(List.of(exp), "", List.of("metrics.rmse ASC"), 100, null, ViewType.ALL);
            assertEquals(
                    List.of(ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)),
                    runIds(all));
            List<String> paged = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                Page<Run> p = store.searchRuns(
                        List.of(exp), null, List.of("metrics.rmse DESC"), 2, token, ViewType.ACTIVE_ONLY);
                paged.addAll(runIds(p));
                token = p.nextPageToken().orElse(null);
                pages++;
            } while (token != null);
            assertEquals(ids.subList(0, 6), paged);
            assertEquals(3, pages);
            Page<Run> byName =
                    store.searchRuns(List.of(exp), "attributes.run_name = 'run-3'", List.of(), 10, null, ViewType.ALL);
            assertEquals(List.of(ids.get(3)), runIds(byName));
            assertThrows(
                    LatheException.class,
                    () -> store.searchRuns(List.of(exp), "metrics.rmse <<< 1", List.of(), 10, null, ViewType.ALL));
        }
    }

    @Test
    default void searchExperimentsAndRegistry(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            store.createExperiment("taxi-2023", null, Map.of("year", "2023"));
            store.createExperiment("taxi-2021", null, Map.of("year", "2021"));
            Page<Experiment> exps = store.searchExperiments("tags.year = '2023'", List.of(), 10, null, ViewType.ALL);
            assertEquals(
                    List.of("taxi-2023"),
                    exps.items().stream().map(Experiment::name).toList());
            Page<Experiment> like =
                    store.searchExperiments("name LIKE 'taxi%'", List.of("name ASC"), 10, null, ViewType.ACTIVE_ONLY);
            assertEquals(
                    List.of("taxi-2021", "taxi-2023"),
                    like.items().stream().map(Experiment::name).toList());

            ModelRegistry reg = store.registry();
            String run = newRun(store, "e").runId();
            store.logArtifact(run, "m.bin", new byte[] {1});
            reg.createRegisteredModel("alpha", null, Map.of("kind", "linear"));
            reg.createRegisteredModel("beta", null, Map.of());
            reg.createModelVersion("alpha", "runs:/" + run + "/m.bin", run, null, Map.of());
            reg.createModelVersion("alpha", "runs:/" + run + "/m.bin", run, null, Map.of());
            Page<RegisteredModel> models = reg.searchRegisteredModels("tags.kind = 'linear'", List.of(), 10, null);
            assertEquals(
                    List.of("alpha"),
                    models.items().stream().map(RegisteredModel::name).toList());
            Page<ModelVersion> versions = reg.searchModelVersions("name = 'alpha'", List.of(), 10, null);
            assertEquals(
                    List.of(2, 1),
                    versions.items().stream().map(ModelVersion::version).toList());
            reg.deleteModelVersion("alpha", 2);
            assertEquals(
                    1,
                    reg.searchModelVersions("name = 'alpha'", List.of(), 10, null)
                            .items()
                            .size());
            assertTrue(reg.searchModelVersions("run_id = '" + run + "'", List.of(), 10, null)
                            .items()
                            .size()
                    == 1);
        }
    }

    private static List<String> runIds(Page<Run> page) {
        return page.items().stream().map(r -> r.info().runId()).toList();
    }
}
