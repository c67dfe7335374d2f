package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lathe experiments list|create|delete|restore} against a real temporary store. */
class ExperimentsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", tmp.resolve("store").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void createListDeleteRestore() throws IOException {
        CliRun created = cli("experiments", "create", "fares", "--tag", "team=pricing", "--json");
        assertEquals(0, created.code(), created.toString());
        String id = JSON.readTree(created.out()).get("experiment_id").asText();
        String runId;
        try (SqliteTrackingStore s = SqliteTrackingStore.open(tmp.resolve("store"))) {
            Experiment e = s.getExperiment(id);
            assertEquals("fares", e.name());
            assertEquals("pricing", e.tags().get("team"));
            runId = s.createRun(RunSpec.builder(id).build()).runId();
        }

        CliRun duplicate = cli("experiments", "create", "fares");
        assertEquals(2, duplicate.code(), duplicate.toString());
        assertTrue(duplicate.err().contains("'fares' already exists"), duplicate.err());

        JsonNode listed = JSON.readTree(cli("experiments", "list", "--json").out());
        assertTrue(contains(listed, "fares"), listed.toString());
        CliRun table = cli("experiments", "list");
        assertTrue(table.out().lines().anyMatch(l -> l.matches(id + "\\s+fares\\s+active\\s+.*")), table.out());

        assertEquals(0, cli("experiments", "delete", "fares").code());
        try (SqliteTrackingStore s = SqliteTrackingStore.open(tmp.resolve("store"))) {
            assertEquals(LifecycleStage.DELETED, s.getExperiment(id).lifecycleStage());
            assertEquals(LifecycleStage.DELETED, s.getRun(runId).info().lifecycleStage(), "its runs go with it");
        }
        assertTrue(!contains(JSON.readTree(cli("experiments", "list", "--json").out()), "fares"));
        assertTrue(contains(
                JSON.readTree(cli("experiments", "list", "--view", "deleted", "--json")
                        .out()),
                "fares"));
        assertEquals(2, cli("experiments", "delete", "fares").code(), "already deleted");

        assertEquals(0, cli("experiments", "restore", id).code(), "by id too");
        try (SqliteTrackingStore s = SqliteTrackingStore.open(tmp.resolve("store"))) {
            assertEquals(LifecycleStage.ACTIVE, s.getExperiment(id).lifecycleStage());
            assertEquals(LifecycleStage.ACTIVE, s.getRun(runId).info().lifecycleStage());
        }
        CliRun unknown = cli("experiments", "delete", "nope");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("experiment 'nope' (name or id) does not exist"), unknown.err());
        assertEquals(2, cli("experiments", "list", "--view", "gone").code());
    }

    private static boolean contains(JsonNode experiments, String name) {
        for (JsonNode e : experiments) {
            if (e.get("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
