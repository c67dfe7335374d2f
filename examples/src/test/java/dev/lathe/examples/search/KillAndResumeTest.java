package dev.lathe.examples.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.tracking.TrialTags;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fixture search in a child JVM, kills it with SIGKILL once a few trials are stored, resumes
 * it in-process from the parent run id, and checks it ends with the trials of an uninterrupted run.
 */
class KillAndResumeTest {
    private static final int MIN_FINISHED_BEFORE_KILL = 4;
    private static final long TIMEOUT_MILLIS = 120_000;

    @TempDir
    Path dir;

    @Test
    void searchKilledHalfWayResumesToTheUninterruptedTrialSet() throws Exception {
        Path storeDir = dir.resolve("store");
        Path childErr = dir.resolve("child.err");
        Process child = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ResumableSearchMain.class.getName(),
                        storeDir.toString())
                .redirectError(childErr.toFile())
                .start();
        String parentId;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("PARENT ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "child printed no parent run id; its stderr: " + Files.readString(childErr));
            parentId = line.substring("PARENT ".length()).trim();
        }
        int finishedAtKill;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(storeDir)) {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            int finished = 0;
            while (finished < MIN_FINISHED_BEFORE_KILL && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                finished = (int) store.childRuns(parentId).stream()
                        .filter(r -> r.info().status().isTerminal())
                        .count();
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            finishedAtKill = (int) store.childRuns(parentId).stream()
                    .filter(r -> r.info().status().isTerminal())
                    .count();
        }
        assertTrue(finishedAtKill >= MIN_FINISHED_BEFORE_KILL, "finished at kill: " + finishedAtKill);
        assertTrue(finishedAtKill < ResumeFixture.TRIALS, "killed half-way, finished " + finishedAtKill);

        SearchResult resumed;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(storeDir)) {
            assertEquals(RunStatus.RUNNING, store.getRun(parentId).info().status());
            resumed = ResumeFixture.study(store, false, SearchListener.none()).resume(parentId);
            List<Run> children = store.childRuns(parentId);
            Set<Integer> numbers = new TreeSet<>();
            for (Run c : children) {
                RunStatus status = c.info().status();
                assertTrue(status.isTerminal(), c + " is " + status + " among " + children);
                if (status != RunStatus.KILLED) {
                    assertTrue(
                            numbers.add(Integer.parseInt(c.data().params().get(TrialTags.NUMBER))),
                            "trial run twice: " + c.data().params());
                }
            }
            assertEquals(ResumeFixture.TRIALS, numbers.size());
            assertEquals(RunStatus.FINISHED, store.getRun(parentId).info().status());
            assertEquals(
                    resumed.bestScore(),
                    store.getRun(parentId)
                            .data()
                            .latestMetrics()
                            .get("best_loss")
                            .value(),
                    0.0);
        }
        SearchResult uninterrupted;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("reference"))) {
            uninterrupted =
                    ResumeFixture.study(store, false, SearchListener.none()).run();
        }
        assertEquals(ResumeFixture.TRIALS, resumed.trials().size());
        for (int i = 0; i < ResumeFixture.TRIALS; i++) {
            assertTrue(
                    uninterrupted.trials().get(i).sameOutcome(resumed.trials().get(i)),
                    uninterrupted.trials().get(i) + " vs " + resumed.trials().get(i));
        }
    }
}
