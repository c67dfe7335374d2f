package dev.lathe.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every nanosecond between laps lands in one stage, and time inside the store lands in tracking. */
class StageClockTest {
    /** Slack for the wrapper's own clock reads around a store call. */
    private static final double WRAPPER_SLACK_SECONDS = 0.010;

    @Test
    void storeCallsMadeDuringAStageAreCountedAsTracking(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) { // loads the classes the timed pass uses
            storeCalls(StageClock.start().track(store));
        }
        long before = System.nanoTime();
        StageClock clock = StageClock.start();
        double aroundStore;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            clock.lap(DemoStage.OPEN_STORE);
            Tracker tracker = clock.track(store);
            work(); // counted in READ
            long s0 = System.nanoTime();
            storeCalls(tracker);
            aroundStore = (System.nanoTime() - s0) / 1e9;
            work();
            clock.lap(DemoStage.READ);
        }
        clock.lap(DemoStage.TRACKING);
        double wall = (System.nanoTime() - before) / 1e9;
        StageTimings t = clock.timings();

        double tracking = t.of(DemoStage.TRACKING);
        assertTrue(tracking <= wall, "tracking " + tracking + " within the wall time " + wall);
        assertTrue(t.of(DemoStage.READ) > 0, "the work between the store calls stays in READ");
        assertTrue(t.of(DemoStage.OPEN_STORE) > 0, "opening the store");
        // the store calls of the READ stage (timed around, less the wrapper's own clock reads) moved to tracking
        assertTrue(
                tracking >= aroundStore - WRAPPER_SLACK_SECONDS,
                "tracking " + tracking + " holds the store calls' " + aroundStore);
        assertEquals(0.0, t.of(DemoStage.FIT), 0.0);
        assertEquals(Arrays.stream(DemoStage.values()).mapToDouble(t::of).sum(), t.total(), 1e-12);
        assertTrue(t.total() <= wall && t.total() > 0, "stages " + t.total() + " within wall " + wall);
    }

    private static void storeCalls(Tracker tracker) {
        String experiment = tracker.getOrCreateExperiment("clock");
        try (ActiveRun run = tracker.startRun(RunSpec.builder(experiment).build())) {
            run.logParam("p", "1");
            run.logMetric("m", 1.0, 0);
            run.logArtifact("a.txt", new byte[] {1, 2, 3});
            run.end(RunStatus.FINISHED);
        }
    }

    private static double sink;

    private static void work() {
        SplittableRandom rng = new SplittableRandom(1L);
        double[] v = new double[200_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        Arrays.sort(v);
        sink += v[v.length / 2];
    }
}
