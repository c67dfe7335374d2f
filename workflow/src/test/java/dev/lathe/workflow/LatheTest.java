package dev.lathe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tlc.TripRecord;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.workflow.model.ModelDirectory;
import dev.lathe.workflow.model.ModelSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The {@link Lathe} entry point on the real 2023 months: train, register with aliases, load, evaluate, fail. */
class LatheTest {
    private static final TripRecord TRIP = new TripRecord("166", "143", 2.58);

    static TrainingData data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        data = TrainingData.load(month("2023-01"), month("2023-02"), TlcRecipes.course());
    }

    static Path month(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }

    @Test
    void aTrainedRunRegistersWithItsAliasesAndLoadsByAliasToTheSamePipeline() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrainingResult ridge = lathe.experiment("taxi").train(new RidgeTrainer(RidgeParams.of(1.0)), data);
            ModelVersion v = lathe.register(ridge.runId(), "taxi-duration", "champion", "latest-ridge");
            assertEquals(1, v.version());
            assertEquals(
                    List.of("champion", "latest-ridge"),
                    v.aliases().stream().sorted().toList());
            assertEquals("runs:/" + ridge.runId() + "/model", v.source());
            double direct = ridge.pipeline().predict(TRIP);
            assertEquals(direct, lathe.load("models:/taxi-duration@champion").predict(TRIP), 0.0);
            assertEquals(direct, lathe.load("models:/taxi-duration/1").predict(TRIP), 0.0);
            assertEquals(direct, lathe.load("runs:/" + ridge.runId() + "/model").predict(TRIP), 0.0);
            Table feb = TableReader.read(month("2023-02"));
            double[] batch = lathe.load("models:/taxi-duration@champion").predict(feb);
            assertEquals(feb.rowCount(), batch.length, "a table predicts row by row");

            Run run = lathe.store().getRun(ridge.runId());
            assertEquals(TrackedExperiment.SOURCE, run.data().tags().get(RunConvention.SOURCE_TAG));
            assertEquals(
                    RunConvention.params(new RidgeTrainer(RidgeParams.of(1.0))),
                    new TreeMap<>(run.data().params()));
        }
    }

    @Test
    void evaluatingARegisteredModelOnItsValidationMonthLogsTheTrainingRunsValidationMetrics() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrackedExperiment taxi = lathe.experiment("taxi");
            TrainingResult ridge = taxi.train(new RidgeTrainer(RidgeParams.of(1.0)), data);
            lathe.register(ridge.runId(), "taxi-duration", "champion");
            EvaluationResult eval = taxi.evaluate("models:/taxi-duration@champion", month("2023-02"));
            for (String m : RunConvention.METRICS) {
                String key = RunConvention.VALIDATION + m;
                assertEquals(ridge.metrics().get(key), eval.metrics().get(key), 1e-12, key);
            }
            Run run = lathe.store().getRun(eval.runId());
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals("ridge", run.data().params().get(RunConvention.TRAINER));
            assertEquals("1.0", run.data().params().get("alpha"));
            assertEquals(
                    List.of("eval"),
                    run.inputs().datasets().stream().map(d -> d.context()).toList());
            assertTrue(lathe.store().readArtifact(eval.runId(), "evaluation/report.html").length > 0);
        }
    }

    @Test
    void theModelDirectoryHoldsTheSignatureAndTheFirstCompleteRowOfTheTrainingFile() {
        ModelSignature signature = ConventionListener.signatureOf(data).get();
        assertEquals(
                List.of(
                        new ModelSignature.InputColumn("PULocationID", "long"),
                        new ModelSignature.InputColumn("DOLocationID", "long"),
                        new ModelSignature.InputColumn("trip_distance", "double")),
                signature.inputs());
        Table raw = TableReader.read(month("2023-01"), Set.of("PULocationID", "DOLocationID", "trip_distance"));
        int first = 0;
        while (raw.column("trip_distance").isMissing(first)) {
            first++;
        }
        assertEquals(raw.column("PULocationID").get(first), signature.example().get("PULocationID"));
        assertEquals(raw.column("trip_distance").get(first), signature.example().get("trip_distance"));

        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrainingResult ridge = lathe.experiment("taxi").train(new RidgeTrainer(RidgeParams.of(1.0)), data);
            Path dir = lathe.store().artifactPath(ridge.runId(), ModelDirectory.DIR);
            Map<String, Object> example = ModelDirectory.readInputExample(dir);
            assertEquals(
                    ridge.pipeline().predict(signature.example()),
                    ridge.pipeline().predict(example),
                    0.0);
            String mlmodel = Files.readString(dir.resolve(ModelDirectory.MLMODEL), StandardCharsets.UTF_8);
            assertTrue(mlmodel.contains("run_id: '" + ridge.runId() + "'"), mlmodel);
            assertTrue(mlmodel.contains("model_kind: 'linear'"), mlmodel);
            assertTrue(mlmodel.contains("{\"type\":\"long\",\"name\":\"PULocationID\",\"required\":true}"), mlmodel);
            assertTrue(mlmodel.contains("outputs: '[{\"type\":\"double\",\"name\":\"duration\""), mlmodel);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A trainer that logs its params through the listener and then fails. */
    private static Trainer<Model> failingTrainer() {
        return new Trainer<>() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public SortedMap<String, String> hyperparameters() {
                return new TreeMap<>(Map.of("depth", "3"));
            }

            @Override
            public Model fit(Dataset train, FitContext context) {
                context.listener().fitStarted(this, train, context.validation());
                throw new LatheException("solver diverged at step 7");
            }
        };
    }

    @Test
    void fitIntoLogsTheConventionIntoAnOpenRunAndLeavesItOpen() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            String experimentId = lathe.experiment("taxi").id();
            Trainer<? extends Model> ridge = new RidgeTrainer(RidgeParams.of(1.0));
            TrainingResult direct = lathe.experiment("taxi").train(ridge, data);
            String runId;
            try (ActiveRun run =
                    lathe.store().startRun(RunSpec.builder(experimentId).build())) {
                runId = run.runId();
                TrainingResult into = TrackedTraining.fitInto(run, ridge, data);
                assertEquals(run.runId(), into.runId());
                assertEquals(direct.validationRmse(), into.validationRmse(), 1e-9);
                assertEquals(
                        RunStatus.RUNNING,
                        lathe.store().getRun(run.runId()).info().status(),
                        "not ended");
                run.end(RunStatus.FINISHED);
            }
            Run stored = lathe.store().getRun(runId);
            assertEquals(RunStatus.FINISHED, stored.info().status());
            assertEquals("ridge", stored.data().params().get(RunConvention.TRAINER));
            assertTrue(
                    stored.data().tags().containsKey(RunConvention.VERSION_TAG),
                    stored.data().tags().toString());
            assertEquals(
                    direct.pipeline().predict(TRIP),
                    lathe.load("runs:/" + stored.info().runId() + "/model").predict(TRIP),
                    1e-9);

            try (ActiveRun run =
                    lathe.store().startRun(RunSpec.builder(experimentId).build())) {
                assertThrows(LatheException.class, () -> TrackedTraining.fitInto(run, failingTrainer(), data));
                Run failed = lathe.store().getRun(run.runId());
                assertEquals(RunStatus.RUNNING, failed.info().status(), "whoever opened the run ends it");
                assertEquals("solver diverged at step 7", failed.data().tags().get(RunConvention.ERROR_TAG));
                assertTrue(lathe.store().readArtifact(run.runId(), RunConvention.ERROR_ARTIFACT).length > 0);
                run.end(RunStatus.FAILED);
            }
        }
    }

    @Test
    void aFailedFitEndsItsRunFailedWithTheStackTraceAndRethrows() {
        Trainer<Model> failing = failingTrainer();
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrackedExperiment taxi = lathe.experiment("taxi");
            LatheException e = assertThrows(LatheException.class, () -> taxi.train(failing, data));
            assertEquals("solver diverged at step 7", e.getMessage());
            Run run = lathe.store()
                    .searchRuns(List.of(taxi.id()), "", List.of(), 10, null, dev.lathe.core.tracking.ViewType.ALL)
                    .items()
                    .get(0);
            assertEquals(RunStatus.FAILED, run.info().status());
            assertEquals("solver diverged at step 7", run.data().tags().get(RunConvention.ERROR_TAG));
            assertEquals("3", run.data().params().get("depth"), "params are logged before the fit");
            String trace = new String(
                    lathe.store().readArtifact(run.info().runId(), RunConvention.ERROR_ARTIFACT),
                    StandardCharsets.UTF_8);
            assertTrue(trace.contains("LatheException") && trace.contains("LatheTest"), trace);
        }
    }

    @Test
    void registeringARunWithoutAModelNamesTheRunAndCreatesNothing() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            String runId;
            try (var run = lathe.store()
                    .startRun(dev.lathe.core.tracking.RunSpec.builder(
                                    lathe.experiment("taxi").id())
                            .build())) {
                runId = run.runId();
            }
            LatheException e = assertThrows(LatheException.class, () -> lathe.register(runId, "taxi-duration"));
            assertTrue(
                    e.getMessage().contains(runId) && e.getMessage().contains("model/pipeline.lathe"), e.getMessage());
            assertTrue(lathe.store()
                    .registry()
                    .findRegisteredModel("taxi-duration")
                    .isEmpty());
        }
    }

    @Test
    void aSearchNeedsAnExplicitSeedAndAConventionScore() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrackedSearch search = lathe.experiment("taxi")
                    .tune(
                            SearchSpace.builder().logUniform("alpha", 0.01, 10).build(),
                            p -> new RidgeTrainer(RidgeParams.of(p.getDouble("alpha"))))
                    .trials(2);
            LatheException noSeed = assertThrows(LatheException.class, () -> search.run(data));
            assertTrue(noSeed.getMessage().contains("seed"), noSeed.getMessage());
            LatheException badScore = assertThrows(LatheException.class, () -> search.score("mape"));
            assertTrue(badScore.getMessage().contains("[rmse, mae, r2]"), badScore.getMessage());
        }
    }
}
