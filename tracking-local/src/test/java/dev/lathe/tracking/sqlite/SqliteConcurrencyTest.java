package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 concurrent writers on one store: 4 store instances (4 connections) x 8 threads in this JVM, and
 * 4 child JVMs x 8 threads. Nothing may be lost and no "database is locked" may surface.
 */
class SqliteConcurrencyTest {
    private static final int STORES = 4;
    private static final int THREADS = 8;
    private static final int POINTS = 1000;
    private static final long CHILD_TIMEOUT_S = 120;

    @Test
    void thirtyTwoWritersInProcess(@TempDir Path dir) throws Exception {
        List<SqliteTrackingStore> stores = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            stores.add(SqliteTrackingStore.open(dir));
        }
        String exp = stores.get(0).getOrCreateExperiment("concurrency");
        List<String> runIds = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < STORES; s++) {
            SqliteTrackingStore store = stores.get(s);
            for (int t = 0; t < THREADS; t++) {
                int writer = s * THREADS + t;
                threads.add(new Thread(() -> {
                    try {
                        runIds.add(ConcurrencyWorkload.logOneRun(store, exp, writer, POINTS));
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int totalPoints =
                STORES * THREADS * (POINTS + ConcurrencyWorkload.SYNC_BATCHES * ConcurrencyWorkload.SYNC_BATCH_SIZE);
        System.out.printf(
                "32 in-process writers: %d points in %.2f s (%.0f points/s), busy retries %d%n",
                totalPoints,
                seconds,
                totalPoints / seconds,
                stores.stream().mapToLong(s -> s.db().retries()).sum());
        assertTrue(errors.isEmpty(), () -> "writer failed: " + errors.get(0));
        for (SqliteTrackingStore s : stores) {
            s.close();
        }
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            assertEquals(STORES * THREADS, runIds.size());
            for (String id : runIds) {
                ConcurrencyWorkload.verify(store, id, POINTS);
            }
        }
    }

    @Test
    void thirtyTwoWritersInFourProcesses(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("store");
        List<Process> children = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < STORES; p++) {
            children.add(ChildJvm.start(
                    dir.resolve("child-" + p + ".err"),
                    "concurrent",
                    root.toString(),
                    Integer.toString(THREADS),
                    Integer.toString(POINTS)));
        }
        long retries = 0;
        for (int p = 0; p < children.size(); p++) {
            Process child = children.get(p);
            String out;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out = String.join("\n", r.lines().toList());
            }
            assertTrue(child.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS), "child " + p + " timed out");
            String err = Files.readString(dir.resolve("child-" + p + ".err"));
            assertEquals(0, child.exitValue(), "child " + p + " failed: " + err);
            assertTrue(out.contains("DONE"), out);
            for (String line : out.split("\n")) {
                if (line.startsWith("RETRIES ")) {
                    retries +=
                            Long.parseLong(line.substring("RETRIES ".length()).trim());
                }
            }
            assertTrue(!err.contains("database is locked"), err);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "32 writers in 4 JVMs finished in %.2f s (JVM start-up included), busy retries %d%n", seconds, retries);
        try (SqliteTrackingStore store = SqliteTrackingStore.open(root)) {
            String exp = store.getExperimentByName("concurrency").orElseThrow().experimentId();
            List<Run> runs = store.searchRuns(List.of(exp), "", List.of(), 1000, null, ViewType.ALL)
                    .items();
            assertEquals(STORES * THREADS, runs.size());
            for (Run r : runs) {
                ConcurrencyWorkload.verify(store, r.info().runId(), POINTS);
            }
            assertEquals(
                    1,
                    store.listExperiments(ViewType.ALL).stream()
                            .filter(e -> e.name().equals("concurrency"))
                            .count());
        }
    }
}
