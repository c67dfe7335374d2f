package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.Run;
import dev.lathe.evaluation.report.JsonReport;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.TrackedTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command through {@link LatheCli#execute} on the real 2023 months and a temporary store. Two runs
 * (OLS and ridge alpha=1) are trained once and shared by the read-only tests.
 */
class LatheCliTest {
    /** Converged least-squares figures on green 2023-01 -> 2023-02 (scikit-learn/scipy, issue 3). */
    private static final double OLS_VALID_RMSE_2023 = 6.0339;

    private static final double RIDGE1_VALID_RMSE_2023 = 6.0085;
    private static final double VALID_REL_TOL = 5e-4;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path store;
    static JsonNode ols;
    static JsonNode ridge;

    @BeforeAll
    static void trainTwoRuns() throws IOException {
        store = tmp.resolve("store");
        ols = train("ols", "--output", tmp.resolve("ols.lathe").toString());
        ridge = train("ridge", "-P", "alpha=1");
    }

    private static JsonNode train(String trainer, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(
                "train",
                "--trainer",
                trainer,
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--experiment",
                "cli-test",
                "--store",
                store.toString(),
                "--json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        return JSON.readTree(r.out());
    }

    @Test
    void trainLogsRunsWithTheCourseFiguresAndSavesThePipeline() {
        assertEquals(
                OLS_VALID_RMSE_2023,
                ols.get("metrics").get("validation_rmse").asDouble(),
                OLS_VALID_RMSE_2023 * VALID_REL_TOL);
        assertEquals(
                RIDGE1_VALID_RMSE_2023,
                ridge.get("metrics").get("validation_rmse").asDouble(),
                RIDGE1_VALID_RMSE_2023 * VALID_REL_TOL);
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            Run run = s.getRun(ridge.get("run_id").asText());
            assertEquals("FINISHED", run.info().status().name());
            assertEquals("ridge-green_tripdata_2023-01", run.info().runName());
            assertEquals("1.0", run.data().params().get("alpha"));
            assertEquals(2, run.inputs().datasets().size());
            FittedPipeline fromRun = FittedPipeline.fromBytes(
                    s.readArtifact(run.info().runId(), TrackedTraining.PIPELINE_ARTIFACT), "artifact");
            FittedPipeline saved = FittedPipeline.load(tmp.resolve("ols.lathe"));
            TripRecord trip = new TripRecord("166", "143", 2.58);
            double p = saved.predict(trip);
            assertTrue(p > 1 && p < 60, "a 2.6 mile trip takes minutes, got " + p);
            assertTrue(Math.abs(fromRun.predict(trip) - p) < 2, "OLS and ridge agree to minutes");
        }
    }

    @Test
    void xgboostShowsProgressOnStderrAndKeepsStdoutJson() throws IOException {
        CliRun r = CliRun.of(
                "train",
                "--trainer",
                "xgboost",
                "-P",
                "num_boost_round=20",
                "-P",
                "max_depth=4",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--experiment",
                "cli-xgb",
                "--store",
                tmp.resolve("xgb-store").toString(),
                "--json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("[lathe] round 10 validation_rmse="), r.err());
        assertTrue(r.err().contains("[lathe] round 20 validation_rmse="), r.err());
        JsonNode json = JSON.readTree(r.out());
        double rmse = json.get("metrics").get("validation_rmse").asDouble();
        assertTrue(rmse > 4 && rmse < 8, "20 shallow rounds land near the linear models, got " + rmse);
        try (SqliteTrackingStore s = SqliteTrackingStore.open(tmp.resolve("xgb-store"))) {
            String runId = json.get("run_id").asText();
            var history = s.getMetricHistory(runId, "validation_rmse");
            assertEquals(21, history.size(), "20 rounds + the final model's point");
            assertEquals(20, history.get(20).step());
            assertEquals(
                    rmse,
                    s.getRun(runId)
                            .data()
                            .latestMetrics()
                            .get("validation_rmse")
                            .value());
        }
    }

    @Test
    void runsListAndSearchFilterAndOrderWithMlflowGrammar() throws IOException {
        CliRun list = CliRun.of("runs", "list", "--experiment", "cli-test", "--store", store.toString());
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains(ols.get("run_id").asText()), list.out());
        assertTrue(list.out().contains(ridge.get("run_id").asText()), list.out());
        assertTrue(list.out().contains("2 run(s)"), list.out());

        CliRun below = CliRun.of(
                "runs",
                "search",
                "--experiment",
                "cli-test",
                "--filter",
                "metrics.validation_rmse < 6.02",
                "--store",
                store.toString(),
                "--json");
        assertEquals(0, below.code(), below.toString());
        JsonNode found = JSON.readTree(below.out());
        assertEquals(1, found.size(), below.out());
        assertEquals(ridge.get("run_id").asText(), found.get(0).get("run_id").asText());

        CliRun ordered = CliRun.of(
                "runs", "search", "--order-by", "metrics.validation_rmse DESC", "--store", store.toString(), "--json");
        JsonNode all = JSON.readTree(ordered.out());
        assertEquals(ols.get("run_id").asText(), all.get(0).get("run_id").asText(), "OLS has the larger RMSE");
    }

    @Test
    void registryRegistersVersionsAndMovesAliasesThatEvaluateResolves() throws IOException {
        String name = "cli-taxi";
        CliRun v1 = CliRun.of("registry", "register", ols.get("run_id").asText(), name, "--store", store.toString());
        assertEquals(0, v1.code(), v1.toString());
        assertTrue(v1.out().contains("registered cli-taxi version 1"), v1.out());
        CliRun v2 = CliRun.of("registry", "register", ridge.get("run_id").asText(), name, "--store", store.toString());
        assertTrue(v2.out().contains("version 2"), v2.out());
        assertEquals(
                0,
                CliRun.of("registry", "set-alias", name, "champion", "2", "--store", store.toString())
                        .code());

        CliRun versions = CliRun.of("registry", "versions", name, "--store", store.toString());
        assertTrue(versions.out().lines().anyMatch(l -> l.startsWith("2 ") && l.endsWith("champion")), versions.out());
        CliRun show = CliRun.of("registry", "show", name, "--store", store.toString());
        assertTrue(show.out().contains("alias champion -> version 2"), show.out());

        Path html = tmp.resolve("reports/champion.html");
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                "models:/" + name + "@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--html",
                html.toString(),
                "--markdown",
                tmp.resolve("reports/champion.md").toString(),
                "--json-report",
                tmp.resolve("reports/champion.json").toString(),
                "--store",
                store.toString(),
                "--json");
        assertEquals(0, eval.code(), eval.toString());
        JsonNode metrics = JSON.readTree(eval.out()).get("metrics");
        assertEquals(
                ridge.get("metrics").get("validation_rmse").asDouble(),
                metrics.get("root_mean_squared_error").asDouble(),
                1e-9,
                "the champion (ridge) scores what its run logged");
        assertEquals(62574, metrics.get("example_count").asInt());
        assertTrue(Files.readString(html).contains("<html"), "an HTML report");
        assertTrue(Files.size(tmp.resolve("reports/champion.md")) > 0);
        JsonNode report = JSON.readTree(tmp.resolve("reports/champion.json").toFile());
        assertTrue(report.toString().contains(JsonReport.SCHEMA), "the JSON report names its schema");

        assertEquals(
                0,
                CliRun.of("registry", "delete-alias", name, "champion", "--store", store.toString())
                        .code());
        CliRun gone = CliRun.of(
                "evaluate",
                "--model",
                "models:/" + name + "@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString());
        assertEquals(2, gone.code(), gone.toString());
        assertTrue(gone.err().startsWith("lathe: error [RESOURCE_DOES_NOT_EXIST]: "), gone.err());
    }

    @Test
    void evaluateASavedFileGivesTheTrainingRunsValidationRmse() throws IOException {
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                tmp.resolve("ols.lathe").toString(),
                "--data",
                CliRun.data("2023-02").toString(),
                "--json");
        assertEquals(0, eval.code(), eval.toString());
        assertEquals(
                ols.get("metrics").get("validation_rmse").asDouble(),
                JSON.readTree(eval.out())
                        .get("metrics")
                        .get("root_mean_squared_error")
                        .asDouble(),
                1e-9);
    }

    @Test
    void evaluatingADamagedModelFileIsABadRequestNamingTheFileAndDigests() throws IOException {
        byte[] bytes = Files.readAllBytes(tmp.resolve("ols.lathe"));
        bytes[bytes.length / 2] ^= 0x10;
        Path damaged = Files.write(tmp.resolve("damaged.lathe"), bytes);
        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                damaged.toString(),
                "--data",
                CliRun.data("2023-02").toString());
        assertEquals(2, eval.code(), eval.toString());
        assertTrue(
                eval.err().startsWith("lathe: error [BAD_REQUEST]: " + damaged + ": pipeline file is corrupt"),
                eval.err());
        assertTrue(eval.err().contains("but the file records sha256:"), eval.err());
    }

    @Test
    void exportWritesMlflowsLayout() throws IOException {
        Path mlruns = tmp.resolve("mlruns");
        CliRun r = CliRun.of("export", "--to", mlruns.toString(), "--store", store.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("exported "), r.out());
        String runId = ridge.get("run_id").asText();
        try (Stream<Path> files = Files.walk(mlruns)) {
            Path runDir = files.filter(p -> p.getFileName().toString().equals(runId))
                    .findFirst()
                    .orElseThrow();
            assertEquals("1.0", Files.readString(runDir.resolve("params/alpha")));
            assertTrue(Files.readString(runDir.resolve("meta.yaml")).contains("status: 3"));
            assertTrue(Files.exists(runDir.resolve("artifacts/model/pipeline.lathe")));
        }
    }

    @Test
    void badInputIsExitCode2WithAClearMessageAndNoRun() {
        CliRun badTrainer = CliRun.of(
                "train",
                "--trainer",
                "svm",
                "--train",
                "a.parquet",
                "--valid",
                "b.parquet",
                "--store",
                tmp.resolve("bad").toString());
        assertEquals(2, badTrainer.code(), badTrainer.toString());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: --trainer must be one of [elasticnet, lasso, ols, rf, ridge, xgboost], got 'svm'",
                badTrainer.err().strip());
        CliRun badKey = CliRun.of(
                "train", "--trainer", "ridge", "-P", "alpah=1", "--train", "a.parquet", "--valid", "b.parquet");
        assertEquals(2, badKey.code(), badKey.toString());
        assertTrue(badKey.err().contains("trainer ridge has no hyperparameter 'alpah' (known: [alpha,"), badKey.err());
        CliRun negative = CliRun.of(
                "train", "--trainer", "ridge", "-P", "alpha=-1", "--train", "a.parquet", "--valid", "b.parquet");
        assertEquals(2, negative.code(), negative.toString());
        assertTrue(negative.err().contains("-1"), negative.err());
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing was written for bad input");
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> cmd : List.of(
                List.of("train"),
                List.of("evaluate"),
                List.of("runs", "list"),
                List.of("runs", "search"),
                List.of("registry", "register"),
                List.of("registry", "set-alias"),
                List.of("export"))) {
            List<String> args = new java.util.ArrayList<>(cmd);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("Usage: lathe " + String.join(" ", cmd)), r.out());
            assertTrue(r.out().contains("--store"), cmd + " takes --store");
        }
    }
}
