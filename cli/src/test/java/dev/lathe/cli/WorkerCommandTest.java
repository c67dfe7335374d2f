package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lathe search --distributed} then {@code lathe worker}: a small course XGBoost search served by
 * two workers (this JVM and a child JVM) logs the same trials, params and validation RMSE as the search
 * run in one process, and ends the parent run with the best trial's model.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoWorkersServeADistributedSearchToTheInProcessTrials() throws Exception {
        Path one = tmp.resolve("one");
        CliRun inProcess = CliRun.of(DistributedSearches.search("xgboost", one.toString()));
        assertEquals(0, inProcess.code(), inProcess.toString());

        Path shared = tmp.resolve("shared");
        CliRun started = CliRun.of(DistributedSearches.search("xgboost", shared.toString(), "--distributed"));
        assertEquals(0, started.code(), started.toString());
        String parent = JSON.readTree(started.out()).get("parent_run_id").asText();
        try (SqliteTrackingStore store = SqliteTrackingStore.open(shared)) {
            assertTrue(store.childRuns(parent).isEmpty(), "--distributed runs no trial");
        }

        String[] worker = {
            "worker", "--store", shared.toString(), "--search", parent, "--heartbeat", "1s", "--grace", "30s", "--json"
        };
        Path childDir = Files.createDirectories(tmp.resolve("child"));
        CompletableFuture<CliRun> child = CompletableFuture.supplyAsync(() -> {
            try {
                return CliRun.inChildJvm(childDir, List.of("-Xmx512m"), LatheCli.class, worker);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun here = CliRun.of(worker);
        CliRun there = child.get(3, TimeUnit.MINUTES);
        assertEquals(0, here.code(), here.toString());
        assertEquals(0, there.code(), there.toString());
        JsonNode summary = JSON.readTree(here.out());
        assertEquals(DistributedSearches.TRIALS, summary.get("trials").asInt());

        String inProcessParent =
                JSON.readTree(inProcess.out()).get("parent_run_id").asText();
        try (SqliteTrackingStore s1 = SqliteTrackingStore.open(one);
                SqliteTrackingStore store = SqliteTrackingStore.open(shared)) {
            DistributedSearches.assertServedAsInProcess(s1, inProcessParent, store, parent);
        }
    }

    @Test
    void aRunThatIsNotADistributedSearchIsRefusedWithExitCode2() {
        Path store = tmp.resolve("s");
        CliRun ran = CliRun.of(
                "train",
                "--trainer",
                "ridge",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString(),
                "--json");
        assertEquals(0, ran.code(), ran.toString());
        String runId;
        try {
            runId = JSON.readTree(ran.out()).get("run_id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        CliRun refused = CliRun.of("worker", "--store", store.toString(), "--search", runId);
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("is not a search started by 'lathe search --distributed'"), refused.err());
    }
}
