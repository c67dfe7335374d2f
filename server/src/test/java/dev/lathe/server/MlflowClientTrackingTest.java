package dev.lathe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;

/**
 * Acceptance by a client no one here wrote: MLflow's official Java client (2.17.2) drives a live Lathe
 * server over a fresh store, and what it writes is checked in the store, what Lathe wrote is checked
 * through the client, field by field.
 */
class MlflowClientTrackingTest {
    @TempDir
    Path dir;

    private LiveServer live;
    private MlflowClient client;

    @BeforeEach
    void start() {
        live = new LiveServer(dir);
        client = live.client();
    }

    @AfterEach
    void stop() {
        client.close();
        live.close();
    }

    @Test
    void experimentsRoundTripThroughTheClient() {
        String id = client.createExperiment("taxi");
        assertEquals("taxi", client.getExperiment(id).getName());
        assertEquals(id, client.getExperimentByName("taxi").orElseThrow().getExperimentId());
        assertEquals(Optional.empty(), client.getExperimentByName("no-such"));

        client.setExperimentTag(id, "team", "ops");
        client.renameExperiment(id, "taxi-2");
        assertEquals("taxi-2", live.store.getExperiment(id).name());
        assertEquals("ops", live.store.getExperiment(id).tags().get("team"));
        Service.Experiment read = client.getExperiment(id);
        assertEquals(live.store.getExperiment(id).artifactLocation(), read.getArtifactLocation());
        assertEquals(live.store.getExperiment(id).creationTime(), read.getCreationTime());

        client.deleteExperiment(id);
        assertEquals(LifecycleStage.DELETED, live.store.getExperiment(id).lifecycleStage());
        assertEquals("deleted", client.getExperiment(id).getLifecycleStage());
        Set<String> active = client.searchExperiments().getItems().stream()
                .map(Service.Experiment::getName)
                .collect(Collectors.toSet());
        assertFalse(active.contains("taxi-2"));
        client.restoreExperiment(id);
        assertEquals(LifecycleStage.ACTIVE, live.store.getExperiment(id).lifecycleStage());
        assertEquals(
                List.of("taxi-2"),
                client.searchExperiments("name = 'taxi-2'").getItems().stream()
                        .map(Service.Experiment::getName)
                        .toList());
    }

    @Test
    void runsLoggedByTheClientAreStoredFieldByField() {
        String exp = client.createExperiment("logging");
        Service.RunInfo info = client.createRun(Service.CreateRun.newBuilder()
                .setExperimentId(exp)
                .setRunName("first")
                .setStartTime(1_600_000_000_000L)
                .setUserId("ada")
                .addTags(Service.RunTag.newBuilder().setKey("stage").setValue("dev"))
                .build());
        String runId = info.getRunId();
        assertEquals("first", info.getRunName());
        assertEquals("RUNNING", info.getStatus().name());
        assertEquals(1_600_000_000_000L, info.getStartTime(), "the client's start time is kept");
        assertEquals("ada", info.getUserId(), "the client's user is kept");
        assertEquals("ada", live.store.getRun(runId).data().tags().get(MlflowTags.USER));

        client.logParam(runId, "alpha", "0.5");
        client.logMetric(runId, "loss", 3.0, 1_700_000_000_000L, 0);
        client.logMetric(runId, "loss", 2.0, 1_700_000_000_100L, 1);
        client.logMetric(runId, "loss", Double.NaN, 1_700_000_000_200L, 2);
        client.logMetric(runId, "loss", 1.5, 1_700_000_000_300L, 3);
        client.setTag(runId, "note", "hello <b>");
        client.setTag(runId, "gone", "x");
        client.deleteTag(runId, "gone");
        client.logBatch(
                runId,
                List.of(Service.Metric.newBuilder()
                        .setKey("rmse")
                        .setValue(6.25)
                        .setTimestamp(1_700_000_001_000L)
                        .setStep(7)
                        .build()),
                List.of(Service.Param.newBuilder().setKey("beta").setValue("").build()),
                List.of(Service.RunTag.newBuilder()
                        .setKey("batch")
                        .setValue("yes")
                        .build()));

        Run stored = live.store.getRun(runId);
        assertEquals(Map.of("alpha", "0.5", "beta", ""), stored.data().params());
        assertEquals("hello <b>", stored.data().tags().get("note"));
        assertEquals("dev", stored.data().tags().get("stage"));
        assertEquals("yes", stored.data().tags().get("batch"));
        assertFalse(stored.data().tags().containsKey("gone"));
        assertEquals(1.5, stored.data().latestMetrics().get("loss").value());
        assertEquals(3, stored.data().latestMetrics().get("loss").step());
        assertEquals(6.25, stored.data().latestMetrics().get("rmse").value());
        assertEquals(
                1_700_000_001_000L, stored.data().latestMetrics().get("rmse").timestamp());

        List<Service.Metric> history = client.getMetricHistory(runId, "loss");
        assertEquals(4, history.size());
        assertEquals(
                List.of(0L, 1L, 2L, 3L),
                history.stream().map(Service.Metric::getStep).toList());
        assertTrue(Double.isNaN(history.get(2).getValue()), "NaN travels as MLflow's \"NaN\"");
        assertEquals(1_700_000_000_100L, history.get(1).getTimestamp());

        client.setTerminated(runId, Service.RunStatus.FAILED);
        Run ended = live.store.getRun(runId);
        assertEquals(RunStatus.FAILED, ended.info().status());
        assertTrue(ended.info().endTime().isPresent());
        assertEquals(
                ended.info().endTime().getAsLong(),
                client.getRun(runId).getInfo().getEndTime());

        client.deleteRun(runId);
        assertEquals(LifecycleStage.DELETED, live.store.getRun(runId).info().lifecycleStage());
        assertEquals("deleted", client.getRun(runId).getInfo().getLifecycleStage());
        client.restoreRun(runId);
        assertEquals(LifecycleStage.ACTIVE, live.store.getRun(runId).info().lifecycleStage());
    }

    @Test
    void runsWrittenByLathesOwnApiReadBackThroughTheClient() {
        String exp = live.store.getOrCreateExperiment("lathe-wrote");
        String runId;
        try (ActiveRun run = live.store.startRun(
                RunSpec.builder(exp).runName("ridge").tag("kind", "linear").build())) {
            runId = run.runId();
            run.logParams(Map.of("alpha", "1.0", "fit_intercept", "true"));
            run.logMetric("validation_rmse", 6.01, 0);
            run.logMetric("validation_rmse", 5.98, 1);
            run.logMetric("training_rmse", Double.POSITIVE_INFINITY, 0);
            run.logInput(
                    new DatasetInput("green-2023-01", "abc123", "data/tlc/green.parquet", "[\"f\"]", 68211, "train"));
        }
        Run lathe = live.store.getRun(runId);
        Service.Run mlflow = client.getRun(runId);

        Service.RunInfo info = mlflow.getInfo();
        assertEquals(lathe.info().runId(), info.getRunId());
        assertEquals(lathe.info().experimentId(), info.getExperimentId());
        assertEquals(lathe.info().runName(), info.getRunName());
        assertEquals(lathe.info().userId(), info.getUserId());
        assertEquals(lathe.info().status().name(), info.getStatus().name());
        assertEquals(lathe.info().startTime(), info.getStartTime());
        assertEquals(lathe.info().endTime().getAsLong(), info.getEndTime());
        assertEquals(lathe.info().artifactUri(), info.getArtifactUri());
        assertEquals(lathe.info().lifecycleStage().dbValue(), info.getLifecycleStage());

        assertEquals(
                lathe.data().params(),
                toMap(mlflow.getData().getParamsList(), Service.Param::getKey, Service.Param::getValue));
        assertEquals(
                lathe.data().tags(),
                toMap(mlflow.getData().getTagsList(), Service.RunTag::getKey, Service.RunTag::getValue));
        Map<String, Service.Metric> metrics = new TreeMap<>();
        mlflow.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m));
        assertEquals(lathe.data().latestMetrics().keySet(), metrics.keySet());
        lathe.data().latestMetrics().forEach((k, m) -> {
            assertEquals(m.value(), metrics.get(k).getValue(), k);
            assertEquals(m.step(), metrics.get(k).getStep(), k);
            assertEquals(m.timestamp(), metrics.get(k).getTimestamp(), k);
        });

        Service.DatasetInput input = mlflow.getInputs().getDatasetInputs(0);
        assertEquals("green-2023-01", input.getDataset().getName());
        assertEquals("abc123", input.getDataset().getDigest());
        assertEquals("{\"uri\": \"data/tlc/green.parquet\"}", input.getDataset().getSource()); // json.dumps form
        assertEquals("mlflow.data.context", input.getTags(0).getKey());
        assertEquals("train", input.getTags(0).getValue());
    }

    @Test
    void searchFiltersAndOrdersAsAnIndependentComputationDoes() {
        String exp = client.createExperiment("search");
        Map<String, Double> rmse = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String id = client.createRun(exp).getRunId();
            double value = 5.0 + ((i * 7) % 12) / 10.0; // a permutation: no ties
            client.logMetric(id, "rmse", value);
            client.logParam(id, "model", i % 2 == 0 ? "ridge" : "lasso");
            rmse.put(id, value);
        }
        RunsPage page = client.searchRuns(
                List.of(exp),
                "metrics.rmse < 5.8 and params.model = 'ridge'",
                Service.ViewType.ACTIVE_ONLY,
                1000,
                List.of("metrics.rmse DESC"));
        List<String> expected = rmse.entrySet().stream()
                .filter(e -> e.getValue() < 5.8)
                .filter(e -> "ridge"
                        .equals(live.store.getRun(e.getKey()).data().params().get("model")))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        assertFalse(expected.isEmpty());
        assertEquals(
                expected,
                page.getItems().stream().map(r -> r.getInfo().getRunId()).toList());
    }

    @Test
    void pagesThroughEveryRunOnceWithPageTokens() {
        String exp = client.createExperiment("paging");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            created.add(client.createRun(exp).getRunId());
        }
        List<String> seen = new ArrayList<>();
        RunsPage page = client.searchRuns(
                List.of(exp), "", Service.ViewType.ACTIVE_ONLY, 5, List.of("attributes.start_time ASC"));
        int pages = 0;
        while (true) {
            pages++;
            page.getItems().forEach(r -> seen.add(r.getInfo().getRunId()));
            if (!page.hasNextPage()) {
                break;
            }
            page = (RunsPage) page.getNextPage();
        }
        assertEquals(5, pages);
        assertEquals(created.size(), seen.size(), "no run repeated");
        assertEquals(created, new HashSet<>(seen), "no run missing");
    }

    private static <T> Map<String, String> toMap(
            List<T> items, java.util.function.Function<T, String> key, java.util.function.Function<T, String> value) {
        return items.stream().collect(Collectors.toMap(key, value, (a, b) -> b, TreeMap::new));
    }
}
