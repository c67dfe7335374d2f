package dev.lathe.bench.search;

import dev.lathe.core.tracking.TimedTracker;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Store overhead of search tracking: the same search of a trivial objective (a 3-d quadratic) run
 * untracked and tracked into a fresh SQLite store in a temp dir. Reports the loop time (until the last
 * trial is done, what the search waits for) and the total including draining the asynchronous writer.
 * Every tracker call is timed on the writer thread ({@link TimedTracker}) to show where store time
 * goes. Both paths are first warmed up alternately ({@code warmups} searches each, as JMH's warm-up
 * iterations do), so that neither side pays the JIT alone and the C2-compiled store code is measured.
 * Pairs of searches (untracked, then tracked) alternate; single pairs on this 2-core machine drift by
 * up to 20 %, so the overhead reported at the end compares the medians of all repetitions of each side.
 * Arguments: [trials=1000] [sampler=tpe|random] [repeats=10] [warmups=3].
 */
public final class TrackingOverheadBench {
    private static final long SEED = 42;

    private TrackingOverheadBench() {}

    private static final SearchSpace SPACE = SearchSpace.builder()
            .uniform("x", -5, 5)
            .logUniform("y", 1e-3, 1e3)
            .intRange("z", 0, 100)
            .build();

    private static final TrialObjective QUADRATIC = t -> {
        double x = t.params().getDouble("x");
        double y = Math.log10(t.params().getDouble("y"));
        int z = t.params().getInt("z");
        return x * x + (y - 1) * (y - 1) + (z - 30) * (z - 30) / 100.0;
    };

    /** Loop and total wall time in seconds of one search. */
    record Timing(double loopSeconds, double totalSeconds, double best) {}

    static Timing once(int trials, String samplerName, Tracker store) {
        Sampler sampler = samplerName.equals("random") ? new RandomSampler() : new TpeSampler();
        long[] lastTrial = new long[1];
        Study.Builder b = Study.builder(
                        SPACE,
                        sampler,
                        QUADRATIC,
                        SearchSettings.builder(trials, SEED).build())
                .listener(new SearchListener() {
                    @Override
                    public void trialFinished(Trial trial) {
                        lastTrial[0] = System.nanoTime();
                    }
                });
        if (store != null) {
            b.tracking(new SearchTracking(store, "overhead", "bench"));
        }
        long start = System.nanoTime();
        SearchResult r = b.build().run();
        long end = System.nanoTime();
        return new Timing((lastTrial[0] - start) / 1e9, (end - start) / 1e9, r.bestScore());
    }

    public static void main(String[] args) throws IOException {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String sampler = args.length > 1 ? args[1] : "tpe";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int i = 0; i < warmups; i++) {
            once(trials, sampler, null);
            Path warmDir = Files.createTempDirectory("lathe-overhead-warmup");
            try (SqliteTrackingStore store = SqliteTrackingStore.open(warmDir)) {
                once(trials, sampler, store);
            } finally {
                delete(warmDir);
            }
        }
        double[] plainSeconds = new double[repeats];
        double[] trackedSeconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Timing plain = once(trials, sampler, null);
            Path dir = Files.createTempDirectory("lathe-overhead");
            Timing tracked;
            TimedTracker timing;
            try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
                timing = new TimedTracker(store);
                tracked = once(trials, sampler, timing);
            } finally {
                delete(dir);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s %d trials: untracked %.3f s | tracked loop %.3f s (%+.1f %%), total incl. drain %.3f s (%+.1f %%)"
                            + " | best %.6f = %.6f%n",
                    sampler,
                    trials,
                    plain.totalSeconds(),
                    tracked.loopSeconds(),
                    100 * (tracked.loopSeconds() / plain.totalSeconds() - 1),
                    tracked.totalSeconds(),
                    100 * (tracked.totalSeconds() / plain.totalSeconds() - 1),
                    plain.best(),
                    tracked.best());
            System.out.print(summary(timing));
            plainSeconds[i] = plain.totalSeconds();
            trackedSeconds[i] = tracked.totalSeconds();
        }
        double plainMedian = median(plainSeconds);
        double trackedMedian = median(trackedSeconds);
        System.out.printf(
                Locale.ROOT,
                "%s %d trials, %d repetitions: median untracked %.3f s, median tracked (to the last durable write)"
                        + " %.3f s: overhead %+.1f %%%n",
                sampler,
                trials,
                repeats,
                plainMedian,
                trackedMedian,
                100 * (trackedMedian / plainMedian - 1));
    }

    /** One line per store operation: calls, total ms, mean ms per call. */
    private static String summary(TimedTracker timing) {
        StringBuilder sb = new StringBuilder();
        for (TimedTracker.CallTime c : timing.calls().values()) {
            double ms = c.nanos() / 1e6;
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-22s %6d calls %9.1f ms total %7.3f ms/call%n",
                    c.operation(),
                    c.calls(),
                    ms,
                    ms / c.calls()));
        }
        return sb.toString();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
