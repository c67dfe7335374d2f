package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Main class of the child JVMs that the multi-process tests launch. Modes:
 * {@code concurrent <store> <threads> <points>}: each thread logs a run and prints "RUN <id>";
 * {@code kill <store>}: logs forever, printing "COMMITTED <run> <n>" after each flush;
 * {@code exit <store> <points>}: logs without flushing or closing, prints "RUN <id>" and returns from main;
 * {@code hold <store>}: starts a run, prints "RUN <id>" and waits to be killed.
 */
public final class ChildLogger {
    private ChildLogger() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "concurrent" -> concurrent(root, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "kill" -> killable(root);
            case "exit" -> exitWithoutClose(root, Integer.parseInt(args[2]));
            case "hold" -> hold(root);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void concurrent(Path root, int threads, int points) throws Exception {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(root)) {
            String exp = store.getOrCreateExperiment("concurrency");
            List<Thread> workers = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(new Thread(() -> {
                    try {
                        ConcurrencyWorkload.logOneRun(store, exp, thread, points);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            if (!errors.isEmpty()) {
                errors.get(0).printStackTrace();
                System.exit(2);
            }
            System.out.println("RETRIES " + store.db().retries());
        }
        System.out.println("DONE");
    }

    private static void killable(Path root) {
        SqliteTrackingStore store = SqliteTrackingStore.open(root);
        ActiveRun run = store.startRun(RunSpec.builder("0").runName("doomed").build());
        long n = 0;
        while (true) {
            for (int i = 0; i < 200; i++) {
                run.logMetric("m", n, n);
                n++;
            }
            run.flush();
            System.out.println("COMMITTED " + run.runId() + " " + n);
            System.out.flush();
        }
    }

    private static void hold(Path root) throws InterruptedException {
        SqliteTrackingStore store = SqliteTrackingStore.open(root);
        ActiveRun run = store.startRun(RunSpec.builder("0").runName("held").build());
        System.out.println("RUN " + run.runId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void exitWithoutClose(Path root, int points) {
        SqliteTrackingStore store = SqliteTrackingStore.open(root);
        ActiveRun run = store.startRun(RunSpec.builder("0").runName("exit").build());
        for (int i = 0; i < points; i++) {
            run.logMetrics(Map.of("a", (double) i, "b", -i / 2.0), i);
        }
        System.out.println("RUN " + run.runId());
        System.out.flush();
    }
}
