package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process death: SIGKILL mid-logging keeps every flushed point; a normal exit flushes via the shutdown hook. */
class SqliteCrashTest {
    private static final long KILL_AFTER_POINTS = 4000;
    private static final int EXIT_POINTS = 3000;
    private static final long TIMEOUT_S = 60;

    @Test
    void sigkillMidLoggingKeepsEveryCommittedPoint(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("store");
        Process child = ChildJvm.start(dir.resolve("kill.err"), "kill", root.toString());
        String runId = null;
        long committed = 0;
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("COMMITTED")) {
                    runId = parts[1];
                    committed = Long.parseLong(parts[2]);
                    if (committed >= KILL_AFTER_POINTS) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertTrue(child.waitFor(TIMEOUT_S, TimeUnit.SECONDS));
        assertNotNull(runId, () -> "child never committed: " + read(dir.resolve("kill.err")));
        try (SqliteTrackingStore store = SqliteTrackingStore.open(root)) {
            List<Metric> points = store.getMetricHistory(runId, "m");
            assertTrue(points.size() >= committed, points.size() + " points < " + committed + " committed");
            for (int i = 0; i < points.size(); i++) {
                assertEquals(i, points.get(i).step());
                assertEquals((double) i, points.get(i).value());
            }
            assertEquals(RunStatus.RUNNING, store.getRun(runId).info().status());
            System.out.printf(
                    "SIGKILL after %d committed points: store reopened with %d points%n", committed, points.size());
        }
    }

    @Test
    void normalExitWithoutCloseIsFlushedByTheShutdownHook(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("store");
        Process child = ChildJvm.start(dir.resolve("exit.err"), "exit", root.toString(), Integer.toString(EXIT_POINTS));
        String out;
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", r.lines().toList());
        }
        assertTrue(child.waitFor(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), () -> read(dir.resolve("exit.err")));
        String runId = out.substring(out.indexOf("RUN ") + 4).trim();
        try (SqliteTrackingStore store = SqliteTrackingStore.open(root)) {
            assertEquals(EXIT_POINTS, store.getMetricHistory(runId, "a").size());
            assertEquals(EXIT_POINTS, store.getMetricHistory(runId, "b").size());
            assertEquals(
                    -(EXIT_POINTS - 1) / 2.0,
                    store.getRun(runId).data().latestMetrics().get("b").value());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
