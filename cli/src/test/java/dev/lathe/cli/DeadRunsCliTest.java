package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL leaves its run RUNNING: {@code runs list} shows it dead, {@code runs end
 * --dead} ends it KILLED and keeps a live run; {@code search --resume} refuses a search still running.
 */
class DeadRunsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aSigkilledRunIsListedDeadAndEndedKilledWhileALiveOneIsKept() throws Exception {
        Path store = tmp.resolve("store");
        SqliteTrackingStore.open(store).close();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldingRun.class.getName(),
                        store.toString())
                .redirectError(tmp.resolve("child.err").toFile())
                .start();
        String held;
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line != null && line.startsWith("RUN "), String.valueOf(line));
            held = line.substring(4).trim();
            CliRun alive = CliRun.of("runs", "list", "--experiment", "held", "--json", "--store", store.toString());
            assertEquals(false, JSON.readTree(alive.out()).get(0).get("dead").asBoolean(), alive.toString());
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        try (SqliteTrackingStore s = SqliteTrackingStore.open(store);
                ActiveRun live = s.startRun(RunSpec.builder(s.getOrCreateExperiment("held"))
                        .runName("live")
                        .build())) {
            CliRun list = CliRun.of("runs", "list", "--experiment", "held", "--store", store.toString());
            assertEquals(0, list.code(), list.toString());
            String heldLine = list.out()
                    .lines()
                    .filter(l -> l.startsWith(held))
                    .findFirst()
                    .orElseThrow();
            assertTrue(heldLine.contains("RUNNING(dead)"), list.out());
            String liveLine = list.out()
                    .lines()
                    .filter(l -> l.startsWith(live.runId()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(liveLine.contains("RUNNING") && !liveLine.contains("dead"), list.out());

            CliRun end = CliRun.of("runs", "end", "--dead", "--store", store.toString());
            assertEquals(0, end.code(), end.toString());
            assertTrue(end.out().contains("ended run " + held + " (pid " + child.pid()), end.out());
            assertTrue(end.out().contains("1 dead run(s) ended"), end.out());
            assertEquals(RunStatus.KILLED, s.getRun(held).info().status());
            assertTrue(s.getRun(held).info().endTime().isPresent());
            assertEquals(RunStatus.RUNNING, s.getRun(live.runId()).info().status(), "a live run is never ended");

            JsonNode after = JSON.readTree(
                    CliRun.of("runs", "list", "--experiment", "held", "--json", "--store", store.toString())
                            .out());
            for (JsonNode run : after) {
                assertEquals(false, run.get("dead").asBoolean(), run.toString());
            }
        }
    }

    @Test
    void searchResumeRefusesASearchThatIsStillRunning() throws Exception {
        Path store = tmp.resolve("store");
        List<String> args = List.of(
                "search",
                "--trainer",
                "ridge",
                "--sampler",
                "grid",
                "--trials",
                "1",
                "--seed",
                "7",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString(),
                "--json");
        CliRun first = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, first.code(), first.toString());
        String parent = JSON.readTree(first.out()).get("parent_run_id").asText();
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store);
                ActiveRun stillRunning = s.resumeRun(parent)) {
            List<String> resume = new java.util.ArrayList<>(args);
            resume.addAll(List.of("--resume", parent));
            CliRun refused = CliRun.of(resume.toArray(String[]::new));
            assertEquals(2, refused.code(), refused.toString());
            assertTrue(
                    refused.err().contains("INVALID_STATE") && refused.err().contains("still running"),
                    refused.toString());
            assertEquals(RunStatus.RUNNING, s.getRun(parent).info().status());
        }
    }
}
