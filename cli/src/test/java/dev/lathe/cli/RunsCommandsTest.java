package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs show|compare|delete|restore|end} against a real temporary store: two runs trained by
 * {@code lathe train} (ridge alpha 1 and alpha 10), read back independently through the store's API.
 */
class RunsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path store;
    static String ridge1;
    static String ridge10;

    @BeforeAll
    static void trainTwoRuns() throws IOException {
        store = tmp.resolve("store");
        ridge1 = train("1");
        ridge10 = train("10");
    }

    private static String train(String alpha) throws IOException {
        CliRun r = CliRun.of(
                "train",
                "--trainer",
                "ridge",
                "-P",
                "alpha=" + alpha,
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--experiment",
                "runs-test",
                "--store",
                store.toString(),
                "--json");
        assertEquals(0, r.code(), r.toString());
        return JSON.readTree(r.out()).get("run_id").asText();
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", store.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void showPrintsWhatTheStoreHolds() throws IOException {
        Run run;
        List<ArtifactInfo> artifacts;
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            run = s.getRun(ridge1);
            artifacts = RunShowCommand.artifacts(s, ridge1, "");
        }
        CliRun json = cli("runs", "show", ridge1, "--json");
        assertEquals(0, json.code(), json.toString());
        JsonNode shown = JSON.readTree(json.out());
        assertEquals(ridge1, shown.get("run_id").asText());
        assertEquals("runs-test", shown.get("experiment_name").asText());
        assertEquals("FINISHED", shown.get("status").asText());
        Map<String, String> params = new TreeMap<>();
        shown.get("params")
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        assertEquals(run.data().params(), params);
        assertEquals(
                run.data().latestMetrics().keySet().size(), shown.get("metrics").size());
        run.data()
                .latestMetrics()
                .forEach((k, v) ->
                        assertEquals(v.value(), shown.get("metrics").get(k).asDouble(), 0.0, k));
        assertEquals(run.data().tags().size(), shown.get("tags").size());
        assertEquals(2, shown.get("inputs").size(), "training and validation datasets");
        assertEquals(
                run.inputs().datasets().get(0).digest(),
                shown.get("inputs").get(0).get("digest").asText());
        assertFalse(artifacts.isEmpty());
        assertEquals(artifacts.size(), shown.get("artifacts").size());
        assertTrue(artifacts.stream().anyMatch(a -> a.path().equals("model/pipeline.lathe")), artifacts.toString());

        CliRun text = cli("runs", "show", ridge1);
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("params (" + run.data().params().size() + ")"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s+alpha\\s+1\\.0")), text.out());
        double rmse = run.data().latestMetrics().get("validation_rmse").value();
        assertTrue(text.out().contains(Double.toString(rmse)), "exact metric values: " + text.out());
        assertTrue(text.out().contains("model/pipeline.lathe"), text.out());

        CliRun missing = cli("runs", "show", "0000");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("0000"), missing.err());
    }

    @Test
    void compareMarksTheRowsThatDiffer() throws IOException {
        CliRun r = cli("runs", "compare", ridge1, ridge10);
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains(ridge1) && lines.get(0).contains(ridge10), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\* params\\.alpha\\s+1\\.0\\s+10\\.0")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("* metrics.validation_rmse")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  status\\s+FINISHED\\s+FINISHED")), r.out());

        CliRun only = cli("runs", "compare", ridge1, ridge10, "--only-diff");
        assertTrue(only.out().lines().skip(1).allMatch(l -> l.startsWith("* ") || l.contains("row(s) shown")));

        JsonNode json =
                JSON.readTree(cli("runs", "compare", ridge1, ridge10, "--json").out());
        List<String> differing = new ArrayList<>();
        json.get("differing").forEach(n -> differing.add(n.asText()));
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            Run a = s.getRun(ridge1);
            Run b = s.getRun(ridge10);
            Set<String> expected = new TreeSet<>();
            Set<String> keys = new TreeSet<>(a.data().params().keySet());
            keys.addAll(b.data().params().keySet());
            keys.stream()
                    .filter(k -> !Objects.equals(
                            a.data().params().get(k), b.data().params().get(k)))
                    .forEach(k -> expected.add("params." + k));
            Set<String> metrics = new TreeSet<>(a.data().latestMetrics().keySet());
            metrics.addAll(b.data().latestMetrics().keySet());
            for (String k : metrics) {
                var x = a.data().latestMetrics().get(k);
                var y = b.data().latestMetrics().get(k);
                if (x == null || y == null || x.value() != y.value()) {
                    expected.add("metrics." + k);
                }
            }
            assertTrue(expected.contains("params.alpha"), expected.toString());
            assertTrue(expected.size() < keys.size() + metrics.size(), "some rows are the same: " + expected);
            assertEquals(expected, new TreeSet<>(differing));
            assertEquals(
                    b.data().latestMetrics().get("validation_rmse").value(),
                    json.get("metrics").get("validation_rmse").get(ridge10).asDouble(),
                    0.0);
        }
        CliRun one = cli("runs", "compare", ridge1);
        assertEquals(2, one.code(), one.toString());
    }

    @Test
    void deleteAndRestoreCheckEveryRunFirst() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String extra = s.createRun(RunSpec.builder(s.getOrCreateExperiment("lifecycle"))
                            .build())
                    .runId();
            s.updateRunStatus(extra, RunStatus.FINISHED);
            CliRun bad = cli("runs", "delete", extra, "nosuchrun");
            assertEquals(2, bad.code(), bad.toString());
            assertEquals(LifecycleStage.ACTIVE, s.getRun(extra).info().lifecycleStage(), "nothing was deleted");

            CliRun deleted = cli("runs", "delete", extra);
            assertEquals(0, deleted.code(), deleted.toString());
            assertEquals(LifecycleStage.DELETED, s.getRun(extra).info().lifecycleStage());
            assertFalse(cli("runs", "list", "--experiment", "lifecycle").out().contains(extra));
            assertTrue(cli("runs", "list", "--experiment", "lifecycle", "--view", "deleted")
                    .out()
                    .contains(extra));
            assertEquals(2, cli("runs", "delete", extra).code(), "already deleted");

            CliRun restored = cli("runs", "restore", extra);
            assertEquals(0, restored.code(), restored.toString());
            assertEquals(LifecycleStage.ACTIVE, s.getRun(extra).info().lifecycleStage());
            assertEquals(2, cli("runs", "restore", extra).code(), "not deleted");
        }
    }

    @Test
    void endClosesRunsAKilledProcessLeftRunning() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String experiment = s.getOrCreateExperiment("killed");
            String left = s.createRun(
                            RunSpec.builder(experiment).runName("left").build())
                    .runId();
            String other = s.createRun(
                            RunSpec.builder(experiment).runName("other").build())
                    .runId();
            String done = s.createRun(
                            RunSpec.builder(experiment).runName("done").build())
                    .runId();
            s.updateRunStatus(done, RunStatus.FINISHED);

            CliRun finished = cli("runs", "end", left, done);
            assertEquals(2, finished.code(), finished.toString());
            assertTrue(finished.err().contains("run " + done + " is not running: it ended FINISHED"), finished.err());
            assertEquals(RunStatus.RUNNING, s.getRun(left).info().status(), "checked before ending any");

            CliRun ended = cli("runs", "end", left);
            assertEquals(0, ended.code(), ended.toString());
            assertEquals(RunStatus.KILLED, s.getRun(left).info().status());
            assertTrue(s.getRun(left).info().endTime().isPresent());

            CliRun young = cli("runs", "end", "--all-running", "--experiment", "killed");
            assertEquals(0, young.code(), young.toString());
            assertTrue(young.out().contains("0 run(s) ended"), "younger than the default 1h: " + young.out());
            CliRun dry =
                    cli("runs", "end", "--all-running", "--experiment", "killed", "--older-than", "0s", "--dry-run");
            assertTrue(dry.out().contains("would end run " + other), dry.out());
            assertEquals(RunStatus.RUNNING, s.getRun(other).info().status());
            CliRun all = cli(
                    "runs",
                    "end",
                    "--all-running",
                    "--experiment",
                    "killed",
                    "--older-than",
                    "0s",
                    "--status",
                    "failed");
            assertEquals(0, all.code(), all.toString());
            assertTrue(all.out().contains("1 run(s) ended"), all.out());
            assertEquals(RunStatus.FAILED, s.getRun(other).info().status());
            assertEquals(RunStatus.FINISHED, s.getRun(done).info().status());

            assertEquals(2, cli("runs", "end").code(), "ids or --all-running");
            assertEquals(
                    2,
                    cli("runs", "end", "--all-running", "--older-than", "soon").code());
            assertEquals(2, cli("runs", "end", other, "--status", "RUNNING").code());
        }
    }
}
