package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.tracking.TrialTags;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe search --resume}: a ridge grid search whose process "died" (one trial left RUNNING
 * without its outcome, one trial never logged, the parent RUNNING, exactly what a kill leaves in the
 * store) is continued to the result of the uninterrupted search.
 */
class SearchResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun search(Path store, String sampler, String seed, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "search",
                "--trainer",
                "ridge",
                "--sampler",
                sampler,
                "--trials",
                "3",
                "--seed",
                seed,
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString(),
                "--json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aKilledSearchResumesToTheUninterruptedResult() throws IOException {
        Path store = tmp.resolve("store");
        CliRun first = search(store, "grid", "7");
        assertEquals(0, first.code(), first.toString());
        JsonNode uninterrupted = JSON.readTree(first.out());
        String parent = uninterrupted.get("parent_run_id").asText();

        String interrupted;
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            List<Run> children = s.childRuns(parent);
            assertEquals(3, children.size());
            interrupted = children.get(1).info().runId(); // was running when the process died
            s.updateRunStatus(interrupted, RunStatus.RUNNING);
            s.deleteTag(interrupted, TrialTags.OUTCOME);
            s.deleteRun(children.get(2).info().runId()); // never reached the store
            s.updateRunStatus(parent, RunStatus.RUNNING);
        }

        CliRun wrongSeed = search(store, "grid", "8", "--resume", parent);
        assertEquals(2, wrongSeed.code(), wrongSeed.toString());
        assertTrue(wrongSeed.err().contains("search.seed is '7' but this search has '8'"), wrongSeed.err());
        CliRun wrongSampler = search(store, "random", "7", "--resume", parent);
        assertEquals(2, wrongSampler.code(), wrongSampler.toString());
        assertTrue(wrongSampler.err().contains("'ridge-grid-search'"), wrongSampler.err());
        CliRun notASearch = search(store, "grid", "7", "--resume", interrupted);
        assertEquals(2, notASearch.code(), notASearch.toString());
        assertTrue(notASearch.err().contains("is not the parent run of a search"), notASearch.err());
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            assertEquals(RunStatus.RUNNING, s.getRun(interrupted).info().status(), "bad input changed nothing");
        }

        CliRun resumed = search(store, "grid", "7", "--resume", parent);
        assertEquals(0, resumed.code(), resumed.toString());
        JsonNode result = JSON.readTree(resumed.out());
        assertEquals(parent, result.get("parent_run_id").asText());
        assertEquals(3, result.get("complete").asInt());
        assertEquals(uninterrupted.get("best_params"), result.get("best_params"));
        assertEquals(
                uninterrupted.get("best_validation_rmse").asDouble(),
                result.get("best_validation_rmse").asDouble(),
                0.0);
        assertEquals(
                2,
                resumed.err().lines().filter(l -> l.contains("[lathe] trial ")).count(),
                resumed.err());

        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            assertEquals(RunStatus.FINISHED, s.getRun(parent).info().status());
            assertEquals(RunStatus.KILLED, s.getRun(interrupted).info().status());
            Set<String> numbers = new TreeSet<>();
            for (Run c : s.childRuns(parent)) {
                if (c.info().status() != RunStatus.KILLED) {
                    assertEquals(RunStatus.FINISHED, c.info().status());
                    assertTrue(
                            numbers.add(c.data().params().get(TrialTags.NUMBER)),
                            "trial run twice: " + c.data().params());
                }
            }
            assertEquals(Set.of("0", "1", "2"), numbers);
        }
    }
}
