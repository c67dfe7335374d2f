package dev.lathe.tracking.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment names, registered-model names and artifact paths are validated as MLflow does (non-empty,
 * its length limits) and further where they would become paths or URIs (NUL and control characters,
 * {@code .} and {@code ..}); each rule's error is an {@link InvalidParameterException} naming the field
 * and the value, and the store is left as it was.
 */
class NameRulesTest {
    private static final byte[] CONTENT = "kept".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void experimentNames() {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String kept = store.createExperiment("kept", null, Map.of());
            rejected(() -> store.createExperiment("", null, Map.of()), "experiment name", "''");
            rejected(() -> store.createExperiment("bad\0name", null, Map.of()), "experiment name", "bad\\u0000name");
            rejected(() -> store.createExperiment("two\nlines", null, Map.of()), "experiment name", "two\\u000alines");
            String tooLong = "x".repeat(MlflowLimits.MAX_EXPERIMENT_NAME_LENGTH + 1);
            rejected(() -> store.createExperiment(tooLong, null, Map.of()), "experiment name", "501");
            rejected(() -> store.getOrCreateExperiment("nul\0"), "experiment name", "nul\\u0000");
            rejected(() -> store.renameExperiment(kept, "re\0named"), "experiment name", "re\\u0000named");
            rejected(
                    () -> store.createExperiment("located", "bad\0dir", Map.of()),
                    "artifact location",
                    "bad\\u0000dir");
            // MLflow's limit itself is accepted, and so are slashes (Databricks-style names are paths only by look).
            store.createExperiment("y".repeat(MlflowLimits.MAX_EXPERIMENT_NAME_LENGTH), null, Map.of());
            store.createExperiment("/Users/someone/taxi", null, Map.of());

            assertEquals(
                    List.of(
                            "Default",
                            "kept",
                            "y".repeat(MlflowLimits.MAX_EXPERIMENT_NAME_LENGTH),
                            "/Users/someone/taxi"),
                    store.listExperiments(ViewType.ALL).stream()
                            .map(Experiment::name)
                            .toList(),
                    "a rejected name left an experiment behind");
            assertEquals("kept", store.getExperiment(kept).name());
        }
    }

    @Test
    void registeredModelNames() {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            ModelRegistry registry = store.registry();
            registry.createRegisteredModel("kept", null, Map.of());
            rejected(() -> registry.createRegisteredModel("", null, Map.of()), "registered model name", "''");
            rejected(() -> registry.createRegisteredModel("m\0", null, Map.of()), "registered model name", "m\\u0000");
            rejected(
                    () -> registry.createRegisteredModel("tab\tbed", null, Map.of()),
                    "registered model name",
                    "tab\\u0009bed");
            rejected(() -> registry.createRegisteredModel("..", null, Map.of()), "registered model name", "'..'");
            rejected(() -> registry.createRegisteredModel(".", null, Map.of()), "registered model name", "'.'");
            String tooLong = "m".repeat(MlflowLimits.MAX_REGISTERED_MODEL_NAME_LENGTH + 1);
            rejected(() -> registry.createRegisteredModel(tooLong, null, Map.of()), "registered model name", "257");
            rejected(() -> registry.renameRegisteredModel("kept", "..\0"), "registered model name", "..\\u0000");
            registry.createRegisteredModel("m".repeat(MlflowLimits.MAX_REGISTERED_MODEL_NAME_LENGTH), null, Map.of());
            registry.createRegisteredModel("a..b", null, Map.of());

            assertEquals(
                    3,
                    registry.searchRegisteredModels(null, List.of(), 100, null)
                            .items()
                            .size());
            assertEquals("kept", registry.getRegisteredModel("kept").name());
        }
    }

    @Test
    void artifactPathsWithNulOrControlCharacters() {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            String run = store.createRun(RunSpec.builder("0").build()).runId();
            store.logArtifact(run, "ok.txt", CONTENT);
            rejected(() -> store.logArtifact(run, "a\0b.txt", CONTENT), "artifact path", "a\\u0000b.txt");
            rejected(() -> store.readArtifact(run, "ok.txt\0"), "artifact path", "ok.txt\\u0000");
            rejected(() -> store.artifactPath(run, "dir\0/x"), "artifact path", "dir\\u0000/x");
            rejected(() -> store.listArtifacts(run, "\0"), "artifact path", "\\u0000");
            rejected(() -> store.registry().resolve("runs:/" + run + "/ok\0.txt"), "artifact path", "ok\\u0000.txt");
            assertArrayEquals(CONTENT, store.readArtifact(run, "ok.txt"));
            assertEquals(1, store.listArtifacts(run, "").size());
        }
    }

    private static void rejected(Executable call, String field, String value) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, call);
        assertTrue(e.getMessage().contains(field), "the error names the field '" + field + "': " + e.getMessage());
        assertTrue(e.getMessage().contains(value), "the error shows the value " + value + ": " + e.getMessage());
        assertTrue(e.getMessage().indexOf('\0') < 0, "the error prints a raw NUL: " + e.getMessage());
    }
}
