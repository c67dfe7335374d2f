package dev.lathe.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.junit.ExperimentRun;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tlc.TripRecord;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.Lathe;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A JUnit experiment run follows the one run convention: {@link ConventionFixtureExperiment}, run
 * through the JUnit platform, fits ridge and a seeded XGBoost into its tests' runs with {@link
 * TrackedTraining#fitInto}; each run holds the same params, metrics (to 1e-9), per-round histories,
 * inputs, tags and artifacts as {@link TrackedTraining#fit} of the same trainer on the same data, and
 * its {@code runs:/<id>/model} loads and predicts as the directly fitted pipeline does.
 */
class JUnitRunConventionTest {
    static final String EXPERIMENT = "junit-convention";
    static final String STORE = "target/junit-convention-store";
    private static final TripRecord TRIP = new TripRecord("166", "143", 2.58);
    private static final double TOLERANCE = 1e-9;
    /** The param the JUnit extension logs the test's seed under. */
    private static final String JUNIT_SEED_PARAM = "seed";

    private static Map<String, Run> junitRuns;
    private static Map<String, TrainingResult> fitted;
    private static Path store;

    static TrainingData data() {
        return TrainingData.load(
                GreenTaxi2023ExperimentTest.data("2023-01"),
                GreenTaxi2023ExperimentTest.data("2023-02"),
                TlcRecipes.course());
    }

    static Trainer<? extends Model> ridge() {
        return new RidgeTrainer(RidgeParams.of(1.0));
    }

    static Trainer<? extends Model> boosting(long seed) {
        return new XGBoostTrainer(
                XGBoostParams.builder(10).maxDepth(6).seed(seed).nthread(2).build());
    }

    @BeforeAll
    static void runTheFixtureAndTheTrackedFits() {
        store = Path.of(STORE).toAbsolutePath();
        deleteRecursively(store);
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ConventionFixtureExperiment.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        TrainingData data = data();
        try (Lathe lathe = Lathe.open(store)) {
            TrackedTraining training =
                    new TrackedTraining(lathe.store(), "tracked-fits", "test", TrainingListener.none());
            fitted = Map.of(
                    "ridge", training.fit("ridge", ridge(), data),
                    "boosting", training.fit("boosting", boosting(ConventionFixtureExperiment.SEED), data));
            String experimentId =
                    lathe.store().getExperimentByName(EXPERIMENT).orElseThrow().experimentId();
            junitRuns = lathe.store().findRuns(RunQuery.inExperiment(experimentId)).stream()
                    .collect(Collectors.toMap(r -> r.info().runName(), r -> r));
        }
    }

    @Test
    void theJUnitRunsEndFinishedWithTheTestsOutcome() {
        assertEquals(Set.of("ridge", "boosting"), junitRuns.keySet());
        junitRuns
                .values()
                .forEach(r -> assertEquals(
                        RunStatus.FINISHED, r.info().status(), r.info().runName()));
    }

    @Test
    void theSameKeyMeansTheSameNumberAsInTrackedTrainingFit() {
        try (Lathe lathe = Lathe.open(store)) {
            for (String name : List.of("ridge", "boosting")) {
                Run junit = junitRuns.get(name);
                Run tracked = lathe.store().getRun(fitted.get(name).runId());

                Map<String, String> expectedParams = tracked.data().params();
                expectedParams.forEach(
                        (k, v) -> assertEquals(v, junit.data().params().get(k), name + " param " + k));
                assertEquals(
                        difference(Set.of(JUNIT_SEED_PARAM), expectedParams.keySet()),
                        difference(junit.data().params().keySet(), expectedParams.keySet()),
                        name + ": the JUnit run adds only the test's seed (the booster's own seed is the same param)");

                assertEquals(
                        tracked.data().latestMetrics().keySet(),
                        junit.data().latestMetrics().keySet(),
                        name);
                for (String key : tracked.data().latestMetrics().keySet()) {
                    if (key.equals(RunConvention.FIT_SECONDS)) {
                        continue; // wall time
                    }
                    assertEquals(
                            tracked.data().latestMetrics().get(key).value(),
                            junit.data().latestMetrics().get(key).value(),
                            TOLERANCE,
                            name + " metric " + key);
                    assertEquals(
                            steps(lathe.store().getMetricHistory(tracked.info().runId(), key)),
                            steps(lathe.store().getMetricHistory(junit.info().runId(), key)),
                            name + " history of " + key);
                }
                assertEquals(
                        fitted.get(name).validationRmse(),
                        junit.data()
                                .latestMetrics()
                                .get(RunConvention.VALIDATION_RMSE)
                                .value(),
                        TOLERANCE,
                        name);

                for (String tag :
                        List.of(RunConvention.VERSION_TAG, RunConvention.RECIPE_TAG, RunConvention.TARGET_TAG)) {
                    assertEquals(
                            tracked.data().tags().get(tag), junit.data().tags().get(tag), name + " tag " + tag);
                }
                assertEquals(inputs(tracked), inputs(junit), name + " dataset inputs");
                for (String dir : List.of("model", RunConvention.REPORT_DIR)) {
                    assertEquals(
                            artifacts(lathe.store(), tracked, dir),
                            artifacts(lathe.store(), junit, dir),
                            name + " artifacts under " + dir);
                }
            }
        }
    }

    @Test
    void theJUnitRunsModelLoadsByUriAndPredictsAsTheFittedPipeline() {
        try (Lathe lathe = Lathe.open(store)) {
            for (String name : List.of("ridge", "boosting")) {
                String runId = junitRuns.get(name).info().runId();
                double loaded = lathe.load("runs:/" + runId + "/model").predict(TRIP);
                double direct = fitted.get(name).pipeline().predict(TRIP);
                assertEquals(direct, loaded, TOLERANCE, name);
                assertTrue(loaded > 0 && loaded < 120, name + " predicts minutes, got " + loaded);
            }
        }
    }

    @Test
    void theJUnitRunIsTaggedWithItsTest() {
        assertEquals(
                ConventionFixtureExperiment.class.getName() + "#boosting",
                junitRuns.get("boosting").data().tags().get(ExperimentRun.TEST_TAG));
        assertEquals(
                Long.toString(ConventionFixtureExperiment.SEED),
                junitRuns.get("boosting").data().params().get(JUNIT_SEED_PARAM));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static List<Long> steps(List<Metric> history) {
        return history.stream().map(Metric::step).sorted().toList();
    }

    private static Set<String> inputs(Run run) {
        return run.inputs().datasets().stream()
                .map(DatasetInput::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> artifacts(TrackingStore store, Run run, String dir) {
        return store.listArtifacts(run.info().runId(), dir).stream()
                .map(ArtifactInfo::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
