package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model registry: models, versions never reused, aliases, stages, URI resolution and loading. */
public interface RegistryContract extends StoreFixture {
    double PREDICTION_TOLERANCE = 0.0;

    /** Logs a ConstantModel artifact into a new run and returns the run id. */
    private static String runWithModel(TrackingStore store, double constant) {
        String runId = store.createRun(
                        dev.lathe.core.tracking.RunSpec.builder("0").build())
                .runId();
        store.logArtifact(runId, "model/model.lathe", ModelIO.toBytes(new ConstantModel(constant)));
        return runId;
    }

    @Test
    default void registeredModelsCreateRenameDescribeTagDelete(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            RegisteredModel m = reg.createRegisteredModel("taxi", "duration model", Map.of("team", "ml"));
            assertEquals("duration model", m.description());
            assertEquals(Map.of("team", "ml"), m.tags());
            assertThrows(LatheException.class, () -> reg.createRegisteredModel("taxi", null, Map.of()));
            assertThrows(LatheException.class, () -> reg.createRegisteredModel("a/b", null, Map.of()));
            reg.updateRegisteredModelDescription("taxi", "v2");
            reg.setRegisteredModelTag("taxi", "owner", "me");
            reg.deleteRegisteredModelTag("taxi", "team");
            String run = runWithModel(store, 1.0);
            reg.createModelVersion("taxi", "runs:/" + run + "/model/model.lathe", run, null, Map.of());
            RegisteredModel renamed = reg.renameRegisteredModel("taxi", "taxi-duration");
            assertEquals("v2", renamed.description());
            assertEquals(Map.of("owner", "me"), renamed.tags());
            assertEquals(1, reg.listModelVersions("taxi-duration").size());
            assertTrue(reg.findRegisteredModel("taxi").isEmpty());
            reg.deleteRegisteredModel("taxi-duration");
            LatheException e = assertThrows(LatheException.class, () -> reg.getRegisteredModel("taxi-duration"));
            assertTrue(e.getMessage().contains("'taxi-duration'"), e.getMessage());
        }
    }

    @Test
    default void versionNumbersAreNeverReused(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            String run = runWithModel(store, 2.0);
            String source = "runs:/" + run + "/model/model.lathe";
            assertEquals(
                    1,
                    reg.createModelVersion("m", source, run, "first", Map.of("k", "v"))
                            .version());
            assertEquals(
                    2, reg.createModelVersion("m", source, run, null, Map.of()).version());
            reg.deleteModelVersion("m", 2);
            assertThrows(LatheException.class, () -> reg.getModelVersion("m", 2));
            ModelVersion third = reg.createModelVersion("m", source, run, null, Map.of());
            assertEquals(3, third.version());
            assertEquals(
                    List.of(1, 3),
                    reg.listModelVersions("m").stream()
                            .map(ModelVersion::version)
                            .toList());
            ModelVersion first = reg.getModelVersion("m", 1);
            assertEquals(Optional.of(run), first.runId());
            assertEquals(ModelStage.NONE, first.currentStage());
            assertEquals(Map.of("k", "v"), first.tags());
            assertThrows(LatheException.class, () -> reg.createModelVersion("absent", source, run, null, Map.of()));
            assertThrows(
                    LatheException.class,
                    () -> reg.createModelVersion(
                            "m", "runs:/0123456789abcdef0123456789abcdef/x", null, null, Map.of()));
        }
    }

    @Test
    default void aliasesAreValidatedAndMove(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            String run = runWithModel(store, 3.0);
            String source = "runs:/" + run + "/model/model.lathe";
            reg.createModelVersion("m", source, run, null, Map.of());
            reg.createModelVersion("m", source, run, null, Map.of());
            reg.setAlias("m", "champion", 1);
            assertEquals(1, reg.getModelVersionByAlias("m", "champion").version());
            reg.setAlias("m", "champion", 2);
            assertEquals(2, reg.getModelVersionByAlias("m", "champion").version());
            assertEquals(List.of("champion"), reg.getModelVersion("m", 2).aliases());
            assertEquals(Map.of("champion", 2), reg.getRegisteredModel("m").aliases());
            for (String bad : List.of("latest", "Latest", "v1", "V22", "bad alias", "", "a/b")) {
                assertThrows(LatheException.class, () -> reg.setAlias("m", bad, 1), bad);
            }
            assertThrows(LatheException.class, () -> reg.setAlias("m", "ok", 9));
            reg.deleteAlias("m", "champion");
            assertThrows(LatheException.class, () -> reg.getModelVersionByAlias("m", "champion"));
            reg.setAlias("m", "gone-with-version", 2);
            reg.deleteModelVersion("m", 2);
            assertThrows(LatheException.class, () -> reg.getModelVersionByAlias("m", "gone-with-version"));
        }
    }

    @Test
    default void stagesWithArchiveExistingVersions(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            String run = runWithModel(store, 4.0);
            String source = "runs:/" + run + "/model/model.lathe";
            for (int i = 0; i < 3; i++) {
                reg.createModelVersion("m", source, run, null, Map.of());
            }
            reg.transitionModelVersionStage("m", 1, ModelStage.PRODUCTION, false);
            reg.transitionModelVersionStage("m", 2, ModelStage.PRODUCTION, false);
            assertEquals(ModelStage.PRODUCTION, reg.getModelVersion("m", 1).currentStage());
            reg.transitionModelVersionStage("m", 3, ModelStage.PRODUCTION, true);
            assertEquals(ModelStage.ARCHIVED, reg.getModelVersion("m", 1).currentStage());
            assertEquals(ModelStage.ARCHIVED, reg.getModelVersion("m", 2).currentStage());
            assertEquals(ModelStage.PRODUCTION, reg.getModelVersion("m", 3).currentStage());
            assertEquals(ModelStage.STAGING, ModelStage.parse("staging"));
            assertThrows(LatheException.class, () -> ModelStage.parse("Prod"));
            assertThrows(
                    LatheException.class, () -> reg.transitionModelVersionStage("m", 1, ModelStage.ARCHIVED, true));
        }
    }

    @Test
    default void uriResolutionAndLoadModel(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            String run1 = runWithModel(store, 10.0);
            String run2 = runWithModel(store, 20.0);
            String run3 = runWithModel(store, 30.0);
            reg.createModelVersion("m", "runs:/" + run1 + "/model/model.lathe", run1, null, Map.of());
            reg.createModelVersion("m", "runs:/" + run2 + "/model/model.lathe", run2, null, Map.of());
            reg.createModelVersion(
                    "m", store.artifactPath(run3, "model/model.lathe").toUri().toString(), run3, null, Map.of());
            reg.transitionModelVersionStage("m", 2, ModelStage.STAGING, false);
            reg.setAlias("m", "champion", 1);
            SparseMatrix x = SparseMatrix.fromDense(new double[][] {{1.0}, {2.0}});
            assertPredicts(10.0, reg, "models:/m/1", x);
            assertPredicts(20.0, reg, "models:/m/Staging", x);
            assertPredicts(20.0, reg, "models:/m/staging", x);
            assertPredicts(30.0, reg, "models:/m/latest", x);
            assertPredicts(10.0, reg, "models:/m@champion", x);
            assertPredicts(20.0, reg, "runs:/" + run2 + "/model/model.lathe", x);
            assertEquals(store.artifactPath(run1, "model/model.lathe"), reg.resolve("models:/m/1"));
            for (String bad : List.of(
                    "models:/m/Production",
                    "models:/m@nope",
                    "models:/m/7",
                    "models:/zz/1",
                    "s3://bucket/x",
                    "models:/m",
                    "runs:/" + run1 + "/../x",
                    "runs:/" + run1 + "/absent.bin")) {
                LatheException e = assertThrows(LatheException.class, () -> reg.resolve(bad), bad);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        }
    }

    @Test
    default void versionDescriptionsTagsAndTheLatestVersion(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            String run = runWithModel(store, 5.0);
            String source = "runs:/" + run + "/model/model.lathe";
            for (int i = 0; i < 3; i++) {
                reg.createModelVersion("m", source, run, null, Map.of());
            }
            reg.updateModelVersionDescription("m", 1, "first fit");
            reg.setModelVersionTag("m", 1, "validated", "yes");
            reg.setModelVersionTag("m", 1, "scratch", "x");
            reg.deleteModelVersionTag("m", 1, "scratch");
            ModelVersion first = reg.getModelVersion("m", 1);
            assertEquals("first fit", first.description());
            assertEquals(Map.of("validated", "yes"), first.tags());
            assertEquals(
                    Optional.of(3), reg.latestVersion("m", Optional.empty()).map(ModelVersion::version));
            reg.transitionModelVersionStage("m", 2, ModelStage.STAGING, false);
            assertEquals(
                    Optional.of(2),
                    reg.latestVersion("m", Optional.of(ModelStage.STAGING)).map(ModelVersion::version));
            assertEquals(Optional.empty(), reg.latestVersion("m", Optional.of(ModelStage.PRODUCTION)));
            reg.deleteModelVersion("m", 3);
            assertEquals(
                    Optional.of(2), reg.latestVersion("m", Optional.empty()).map(ModelVersion::version));
            assertThrows(LatheException.class, () -> reg.setModelVersionTag("m", 9, "k", "v"));
            assertThrows(LatheException.class, () -> reg.updateModelVersionDescription("m", 3, "deleted"));
        }
    }

    private static void assertPredicts(double expected, ModelRegistry reg, String uri, SparseMatrix x) {
        assertArrayEquals(new double[] {expected, expected}, reg.loadModel(uri).predict(x), PREDICTION_TOLERANCE, uri);
    }
}
