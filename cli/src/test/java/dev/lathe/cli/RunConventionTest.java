package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.cli.demo.DemoOptions;
import dev.lathe.cli.demo.DurationDemo;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.tuning.tracking.TrialTags;
import dev.lathe.workflow.Lathe;
import dev.lathe.workflow.PipelineSource;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.model.ModelDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one run convention, across every entry point on the same data (green 2023-01 -> 2023-02) and
 * the same params: {@code lathe train}, a {@code lathe search} trial and its parent, the demo and the
 * {@link Lathe} entry point log the same keys with the same numbers, and {@code runs:/<id>/model} of
 * each loads and predicts. With early-stopped XGBoost, a trial holds one RMSE: the latest
 * {@code validation_rmse} is the score, and {@code lathe train} with the trial's params reproduces it.
 */
class RunConventionTest {
    private static final double SAME = 1e-9;
    private static final double ALPHA = 0.01;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TripRecord TRIP = new TripRecord("166", "143", 2.58);

    @TempDir
    static Path tmp;

    static Path store;
    static JsonNode train;
    static JsonNode search;
    static String demoRunId;
    static String facadeRunId;

    @BeforeAll
    static void runEveryEntryPoint() throws IOException {
        store = tmp.resolve("store");
        train = json(cli("train", "--trainer", "ridge", "-P", "alpha=" + ALPHA, "--json"));
        // the ridge grid starts 0.001, 0.01, 0.1: its trial 1 has alpha 0.01
        search = json(cli(
                "search",
                "--trainer",
                "ridge",
                "--sampler",
                "grid",
                "--trials",
                "3",
                "--seed",
                "7",
                "--register",
                "taxi-ridge",
                "--alias",
                "champion",
                "--json"));
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            demoRunId = DurationDemo.run(
                            new DemoOptions(
                                    CliRun.data("2023-01"),
                                    CliRun.data("2023-02"),
                                    TlcRecipes.course(),
                                    "ridge",
                                    ALPHA,
                                    "demo"),
                            s)
                    .runId();
        }
        try (Lathe lathe = Lathe.open(store)) {
            TrainingData data = TrainingData.load(CliRun.data("2023-01"), CliRun.data("2023-02"), TlcRecipes.course());
            facadeRunId = lathe.experiment("facade")
                    .train(new RidgeTrainer(RidgeParams.of(ALPHA)), data)
                    .runId();
        }
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private static JsonNode json(CliRun r) throws IOException {
        return JSON.readTree(r.out());
    }

    @Test
    void theSameKeyMeansTheSameNumberInEveryEntryPoint() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String trialRunId =
                    trial(s, search.get("parent_run_id").asText(), 1).info().runId();
            Map<String, String> runs = new LinkedHashMap<>();
            runs.put("lathe train", train.get("run_id").asText());
            runs.put("search trial", trialRunId);
            runs.put("demo", demoRunId);
            runs.put("Lathe entry point", facadeRunId);
            Map<String, String> params = RunConvention.params(new RidgeTrainer(RidgeParams.of(ALPHA)));
            Run reference = s.getRun(runs.get("lathe train"));
            assertEquals(7, latest(reference).size(), "six convention metrics and fit_seconds: " + latest(reference));
            for (Map.Entry<String, String> e : runs.entrySet()) {
                Run run = s.getRun(e.getValue());
                Map<String, String> logged = run.data().params();
                params.forEach((k, v) -> assertEquals(v, logged.get(k), e.getKey() + " param " + k));
                for (String prefix : List.of(RunConvention.TRAINING, RunConvention.VALIDATION)) {
                    for (String m : RunConvention.METRICS) {
                        String key = prefix + m;
                        assertEquals(latest(reference).get(key), latest(run).get(key), SAME, e.getKey() + " " + key);
                    }
                }
                assertEquals(
                        List.of("train", "eval"),
                        run.inputs().datasets().stream().map(d -> d.context()).toList(),
                        e.getKey());
            }
            assertEquals(
                    train.get("metrics").get(RunConvention.VALIDATION_RMSE).asDouble(),
                    latest(s.getRun(trialRunId)).get(RunConvention.VALIDATION_RMSE),
                    SAME,
                    "a trial's validation_rmse is train's with those params");
        }
    }

    @Test
    void theSearchParentHoldsTheBestTrialsRecordAndRegistersInOneGo() throws IOException {
        String parentId = search.get("parent_run_id").asText();
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            int bestNumber = search.get("best_trial").asInt();
            Run parent = s.getRun(parentId);
            Run best = trial(s, parentId, bestNumber);
            for (String key : List.of("validation_rmse", "validation_mae", "validation_r2", "training_rmse")) {
                assertEquals(latest(best).get(key), latest(parent).get(key), SAME, key);
            }
            assertEquals(
                    search.get("best_validation_rmse").asDouble(),
                    latest(parent).get("validation_rmse"),
                    SAME);
            assertEquals(
                    best.data().params().get("alpha"), parent.data().params().get("alpha"));
            assertEquals("ridge", parent.data().params().get(RunConvention.TRAINER));
            for (String report : List.of("report.html", "report.json", "report.md")) {
                assertTrue(s.readArtifact(parentId, RunConvention.REPORT_DIR + "/" + report).length > 0, report);
            }
            assertTrue(
                    s.readArtifact(train.get("run_id").asText(), "evaluation/report.html").length > 0,
                    "lathe train logs its report too");
            assertEquals("models:/taxi-ridge/1", search.get("registered").asText(), "search --register NAME --alias A");
        }
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                "models:/taxi-ridge@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString(),
                "--json");
        assertEquals(0, eval.code(), eval.toString());
        assertEquals(
                search.get("best_validation_rmse").asDouble(),
                json(eval).get("metrics").get("root_mean_squared_error").asDouble(),
                SAME,
                "the registered best model evaluates to the search's best score");
    }

    @Test
    void runsModelOfEveryRunLoadsAndPredicts() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String parentId = search.get("parent_run_id").asText();
            List<String> ids = List.of(
                    train.get("run_id").asText(), trial(s, parentId, 1).info().runId(), demoRunId, facadeRunId);
            double expected =
                    PipelineSource.load("runs:/" + ids.get(0) + "/model", s).predict(TRIP);
            assertTrue(expected > 1 && expected < 60, "minutes: " + expected);
            for (String id : ids) {
                FittedPipeline pipeline = PipelineSource.load("runs:/" + id + "/model", s);
                assertEquals(expected, pipeline.predict(TRIP), SAME, id);
                Map<String, Object> example = ModelDirectory.readInputExample(s.artifactPath(id, ModelDirectory.DIR));
                assertEquals(List.of("PULocationID", "DOLocationID", "trip_distance"), List.copyOf(example.keySet()));
                assertTrue(Double.isFinite(pipeline.predict(example)), "the input example predicts");
                String mlmodel = new String(s.readArtifact(id, "model/MLmodel"), StandardCharsets.UTF_8);
                assertTrue(mlmodel.contains("    trainer: 'ridge'\n"), mlmodel);
                assertTrue(mlmodel.contains("      'alpha': '" + ALPHA + "'\n"), mlmodel);
                assertTrue(mlmodel.contains("\"name\":\"PULocationID\""), mlmodel);
                assertTrue(mlmodel.contains("\"name\":\"trip_distance\""), mlmodel);
                assertTrue(mlmodel.contains("lathe_version: '"), mlmodel);
            }
            assertTrue(Double.isFinite(
                    PipelineSource.load("runs:/" + parentId + "/model", s).predict(TRIP)));
        }
    }

    @Test
    void anEarlyStoppedTrialHoldsOneRmseThatTrainReproduces() throws IOException {
        Path xgbStore = tmp.resolve("xgb");
        CliRun searched = CliRun.of(
                "search",
                "--trainer",
                "xgboost",
                "--sampler",
                "random",
                "--trials",
                "2",
                "--seed",
                "3",
                "--rounds",
                "40",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                xgbStore.toString(),
                "--json");
        assertEquals(0, searched.code(), searched.toString());
        String parentId = json(searched).get("parent_run_id").asText();
        try (SqliteTrackingStore s = SqliteTrackingStore.open(xgbStore)) {
            for (Run child : s.childRuns(parentId)) {
                String childId = child.info().runId();
                double score = Double.parseDouble(
                        TrialTags.parseOutcome(child.data().tags().get(TrialTags.OUTCOME), childId)[1]);
                assertEquals(score, latest(child).get(RunConvention.VALIDATION_RMSE), 0.0, "one RMSE");
                assertTrue(!latest(child).containsKey("rmse"), latest(child).toString());
                List<Metric> history = s.getMetricHistory(childId, RunConvention.VALIDATION_RMSE);
                int rounds = Integer.parseInt(child.data().params().get("num_boost_round"));
                assertTrue(history.size() >= 2 && history.size() <= rounds + 1, "per-round history " + history.size());
                double bestRound = history.subList(0, history.size() - 1).stream()
                        .mapToDouble(Metric::value)
                        .min()
                        .orElseThrow();
                assertEquals(bestRound, score, 1e-4, "the model as saved is the best round's");

                // lathe train --params-from the trial rebuilds the same model
                CliRun trained = CliRun.of(
                        "train",
                        "--params-from",
                        childId,
                        "--train",
                        CliRun.data("2023-01").toString(),
                        "--valid",
                        CliRun.data("2023-02").toString(),
                        "--store",
                        xgbStore.toString(),
                        "--json");
                assertEquals(0, trained.code(), trained.toString());
                assertEquals(
                        score,
                        json(trained)
                                .get("metrics")
                                .get(RunConvention.VALIDATION_RMSE)
                                .asDouble(),
                        SAME,
                        "train --params-from trial " + child.info().runName());
            }
        }
    }

    private static Run trial(SqliteTrackingStore s, String parentId, int number) {
        return s.childRuns(parentId).stream()
                .filter(c -> Integer.toString(number).equals(c.data().params().get(TrialTags.NUMBER)))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Double> latest(Run run) {
        Map<String, Double> values = new TreeMap<>();
        run.data().latestMetrics().forEach((k, m) -> values.put(k, m.value()));
        return values;
    }
}
