package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad names and artifact paths on the command line: exit code 2, one line naming field and value, store intact. */
class NameErrorsCliTest {
    @TempDir
    Path tmp;

    @Test
    void nulInAnExperimentNameOrAnArtifactPathIsExitCode2AndChangesNothing() {
        Path store = tmp.resolve("store");
        String runId;
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            try (ActiveRun run = s.startRun(RunSpec.builder("0").build())) {
                runId = run.runId();
                run.logArtifact("model/model.lathe", "m".getBytes(StandardCharsets.UTF_8));
            }
        }

        CliRun name = CliRun.of("experiments", "create", "bad\0name", "--store", store.toString());
        assertEquals(2, name.code(), name.toString());
        assertTrue(name.err().contains("experiment name 'bad\\u0000name'"), name.toString());
        assertFalse(name.err().contains("\tat "), "a stack trace was printed: " + name);

        CliRun path =
                CliRun.of("registry", "register", runId, "taxi", "--path", "model\0x", "--store", store.toString());
        assertEquals(2, path.code(), path.toString());
        assertTrue(path.err().contains("artifact path 'model\\u0000x'"), path.toString());
        assertFalse(path.err().contains("\tat "), "a stack trace was printed: " + path);

        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            assertEquals(
                    List.of("Default"),
                    s.listExperiments(ViewType.ALL).stream()
                            .map(Experiment::name)
                            .toList());
            assertTrue(s.registry().findRegisteredModel("taxi").isEmpty());
            assertEquals("m", new String(s.readArtifact(runId, "model/model.lathe"), StandardCharsets.UTF_8));
        }
    }
}
