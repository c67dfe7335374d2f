package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose process was SIGKILLed is told from a live one and ended KILLED; a live run never is. */
class DeadRunsTest {
    @Test
    void aKilledProcesssRunIsDeadAndEndsKilledWhileALiveRunIsKept(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("store");
        SqliteTrackingStore.open(root).close();
        Process child = ChildJvm.start(dir.resolve("hold.err"), "hold", root.toString());
        String held;
        try {
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("RUN "), () -> line + "\n" + read(dir.resolve("hold.err")));
            held = line.substring(4).trim();
            try (SqliteTrackingStore store = SqliteTrackingStore.open(root)) {
                assertEquals(Map.of(), store.deadRuns(List.of(held)), "the child is alive: its run is live");
                assertEquals(List.of(), store.endDeadRuns(List.of(held)));
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        try (SqliteTrackingStore store = SqliteTrackingStore.open(root);
                ActiveRun live =
                        store.startRun(RunSpec.builder("0").runName("live").build())) {
            assertEquals(RunStatus.RUNNING, store.getRun(held).info().status(), "SIGKILL left it RUNNING");
            Map<String, RunOwner> dead = store.deadRuns(List.of(held, live.runId()));
            assertEquals(List.of(held), List.copyOf(dead.keySet()));
            assertEquals(child.pid(), dead.get(held).pid());
            long before = System.currentTimeMillis();
            assertEquals(List.of(held), store.endDeadRuns(List.of(held, live.runId())));
            RunInfo ended = store.getRun(held).info();
            assertEquals(RunStatus.KILLED, ended.status());
            assertTrue(ended.endTime().orElseThrow() >= before);
            assertEquals(RunStatus.RUNNING, store.getRun(live.runId()).info().status(), "a live run is never ended");
            assertEquals(List.of(), store.endDeadRuns(List.of(held, live.runId())), "nothing left to end");
        }
    }

    @Test
    void runsLeftRunningByAClosedStoreAreDead(@TempDir Path dir) {
        String orphan;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            orphan = store.startRun(RunSpec.builder("0").build()).runId();
        }
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            assertEquals(
                    List.of(orphan), List.copyOf(store.deadRuns(List.of(orphan)).keySet()));
        }
    }

    @Test
    void anotherHostsRunIsDeadOnlyAfterItsHeartbeatStops() {
        long now = 1_000_000_000L;
        long grace = 60_000;
        RunOwner beating = new RunOwner("elsewhere", 1, OptionalLong.empty(), now - 10_000, false);
        RunOwner silent = new RunOwner("elsewhere", 1, OptionalLong.empty(), now - 61_000, false);
        assertFalse(beating.isDead("here", now, grace));
        assertTrue(silent.isDead("here", now, grace));
        RunOwner self = new RunOwner(
                "here",
                ProcessHandle.current().pid(),
                OptionalLong.of(ProcessHandle.current()
                        .info()
                        .startInstant()
                        .orElseThrow()
                        .toEpochMilli()),
                0,
                false);
        assertFalse(self.isDead("here", now, grace), "this process is alive whatever its heartbeat");
        RunOwner reused = new RunOwner("here", ProcessHandle.current().pid(), OptionalLong.of(0), 0, false);
        assertTrue(reused.isDead("here", now, grace), "a pid now held by a process started at another time");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
