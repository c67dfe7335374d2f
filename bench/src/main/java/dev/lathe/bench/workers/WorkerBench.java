package dev.lathe.bench.workers;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.WorkerSettings;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialTags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Distributed search on one store, SQLite or PostgreSQL: {@code throughput [workers=8] [trials=5000]
 * [batch=500] [store]} starts a search of no-op trials (random sampler), serves it with that many worker
 * JVMs and reports trials/s (first trial start to last trial end, and wall time including JVM starts),
 * duplicate completions and runs left RUNNING; {@code recover [heartbeatS=5] [graceS=15] [trialS=3] [store]}
 * kills a worker JVM mid-trial (SIGKILL) and reports how long until another worker completed that trial.
 * {@code store} is any store location ({@code --store}'s rule; give a PostgreSQL URL a fresh {@code schema=}
 * per run); without it each run gets a new SQLite store in a temporary directory.
 */
public final class WorkerBench {
    /** System property with the worker JVMs' options, separated by semicolons. */
    private static final String WORKER_OPTS = "lathe.bench.workerOpts";

    private static final long SEED = 11;
    private static final SearchSpace SPACE =
            SearchSpace.builder().uniform("x", -5, 5).intRange("z", 0, 100).build();

    private WorkerBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        switch (mode) {
            case "throughput" -> throughput(
                    intArg(args, 1, 8),
                    intArg(args, 2, 5000),
                    intArg(args, 3, 500),
                    store(args, 4, "lathe-worker-bench"));
            case "recover" -> recover(
                    intArg(args, 1, 5),
                    intArg(args, 2, 15),
                    intArg(args, 3, 3),
                    store(args, 4, "lathe-worker-recover"));
            case "serve" -> serve(args);
            default -> throw new IllegalArgumentException("mode must be throughput, recover or serve, got " + mode);
        }
    }

    private static Study study(TrackingStore store, int trials, int batch, long sleepMillis) {
        TrialObjective objective = t -> {
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return t.params().getDouble("x") * t.params().getDouble("x")
                    + t.params().getInt("z");
        };
        return Study.builder(
                        SPACE,
                        new RandomSampler(),
                        objective,
                        SearchSettings.builder(trials, SEED).batchSize(batch).build())
                .tracking(new SearchTracking(store, "worker-bench", "no-op-search"))
                .build();
    }

    /** serve STORE PARENT WORKER_ID HEARTBEAT_MS GRACE_MS SLEEP_MS TRIALS BATCH */
    private static void serve(String[] a) {
        try (TrackingStore store = StoreAddress.of(a[1]).open()) {
            WorkerSettings ws = WorkerSettings.defaults()
                    .withWorkerId(a[3])
                    .withHeartbeat(Duration.ofMillis(Long.parseLong(a[4])), Duration.ofMillis(Long.parseLong(a[5])))
                    .withPoll(Duration.ofMillis(5));
            study(store, Integer.parseInt(a[7]), Integer.parseInt(a[8]), Long.parseLong(a[6]))
                    .join(a[2], ws);
        }
    }

    private static Process worker(
            String store, String parent, String id, long beatMs, long graceMs, long sleepMs, int trials, int batch)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(
                System.getProperty(WORKER_OPTS, "-Xmx256m;-XX:+UseSerialGC").split(";")));
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                WorkerBench.class.getName(),
                "serve",
                store,
                parent,
                id,
                Long.toString(beatMs),
                Long.toString(graceMs),
                Long.toString(sleepMs),
                Integer.toString(trials),
                Integer.toString(batch)));
        return new ProcessBuilder(cmd).inheritIO().start();
    }

    private static void throughput(int workers, int trials, int batch, String dir) throws Exception {
        String parent;
        try (TrackingStore store = StoreAddress.of(dir).open()) {
            parent = study(store, trials, batch, 0).enqueue(2);
        }
        long start = System.nanoTime();
        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            ps.add(worker(dir, parent, "w" + w, 5_000, 15_000, 0, trials, batch));
        }
        for (Process p : ps) {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("a worker failed or hung");
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        try (TrackingStore store = StoreAddress.of(dir).open()) {
            Map<Integer, Integer> ended = new HashMap<>();
            long first = Long.MAX_VALUE;
            long last = 0;
            int running = 0;
            Map<String, Integer> byWorker = new HashMap<>();
            for (Run r : store.childRuns(parent)) {
                first = Math.min(first, r.info().startTime());
                if (r.info().status() == RunStatus.RUNNING) {
                    running++;
                } else if (r.info().status() == RunStatus.FINISHED) {
                    ended.merge(Integer.parseInt(r.data().tags().get(TrialTags.NUMBER)), 1, Integer::sum);
                    last = Math.max(last, r.info().endTime().orElse(0L));
                }
            }
            long duplicates = ended.values().stream().filter(n -> n > 1).count();
            List<QueueEntry> entries = store.trialQueue().entries(parent);
            long notDone =
                    entries.stream().filter(e -> e.state() != QueueState.DONE).count();
            entries.forEach(e -> byWorker.merge(e.workerId().orElse("?"), 1, Integer::sum));
            double seconds = (last - first) / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "workers=%d trials=%d batch=%d completed=%d duplicates=%d running_left=%d queue_not_done=%d%n"
                            + "first trial start -> last trial end: %.2f s = %.1f trials/s; wall incl. JVM starts:"
                            + " %.2f s = %.1f trials/s; parent %s; trials per worker %s%n",
                    workers,
                    trials,
                    batch,
                    ended.size(),
                    duplicates,
                    running,
                    notDone,
                    seconds,
                    trials / seconds,
                    wall,
                    trials / wall,
                    store.getRun(parent).info().status(),
                    byWorker);
        }
    }

    private static void recover(int beatS, int graceS, int trialS, String dir) throws Exception {
        int trials = 4;
        String parent;
        try (TrackingStore store = StoreAddress.of(dir).open()) {
            parent = study(store, trials, trials, 0).enqueue(2);
        }
        long beat = beatS * 1000L;
        long grace = graceS * 1000L;
        long sleep = trialS * 1000L;
        Process doomed = worker(dir, parent, "doomed", beat, grace, sleep, trials, trials);
        int killed = -1;
        while (killed < 0) {
            Thread.sleep(50);
            try (TrackingStore store = StoreAddress.of(dir).openForReading()) {
                for (QueueEntry e : store.trialQueue().entries(parent)) {
                    if (e.state() == QueueState.RUNNING
                            && e.workerId().orElse("").equals("doomed")) {
                        killed = e.number();
                    }
                }
            }
        }
        Thread.sleep(sleep / 2);
        doomed.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        Process rescuer = worker(dir, parent, "rescuer", beat, grace, sleep, trials, trials);
        double recovered = -1;
        while (recovered < 0) {
            Thread.sleep(50);
            try (TrackingStore store = StoreAddress.of(dir).openForReading()) {
                QueueEntry e = store.trialQueue().entries(parent).get(killed);
                if (e.state() == QueueState.DONE) {
                    recovered = (System.nanoTime() - killedAt) / 1e9;
                }
            }
        }
        rescuer.waitFor(10, TimeUnit.MINUTES);
        try (TrackingStore store = StoreAddress.of(dir).open()) {
            QueueEntry e = store.trialQueue().entries(parent).get(killed);
            long running = store.childRuns(parent).stream()
                    .filter(r -> r.info().status() == RunStatus.RUNNING)
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "heartbeat=%ds grace=%ds trial=%ds: trial %d killed mid-trial, completed by %s on attempt %d"
                            + " %.1f s after the kill (incl. the rescuer's JVM start and the %d s trial);"
                            + " runs left RUNNING: %d; parent %s%n",
                    beatS,
                    graceS,
                    trialS,
                    killed,
                    e.workerId().orElse("?"),
                    e.attempts(),
                    recovered,
                    trialS,
                    running,
                    store.getRun(parent).info().status());
        }
    }

    /** The store location given at {@code args[i]}, or a new SQLite store in a temporary directory. */
    private static String store(String[] args, int i, String prefix) throws IOException {
        return args.length > i ? args[i] : Files.createTempDirectory(prefix).toString();
    }

    private static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
