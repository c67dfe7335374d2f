package dev.lathe.cli.demo;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.TimedTracker;
import dev.lathe.core.tracking.Tracker;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits one demo run's wall time into {@link DemoStage stages} by laps: each lap gives the time since
 * the previous lap to its stage, except the time spent inside the store ({@link #track}), which goes
 * to {@link DemoStage#TRACKING}. Every nanosecond since the clock started lands in exactly one stage.
 */
public final class StageClock {
    private final long[] nanos = new long[DemoStage.values().length];
    private TimedTracker store;
    private long last;
    private long storeAtLast;

    private StageClock(long start) {
        this.last = start;
    }

    /** A clock started now. */
    public static StageClock start() {
        return new StageClock(System.nanoTime());
    }

    /** {@code tracker}, its store calls and those of its runs timed as {@link DemoStage#TRACKING}. */
    public Tracker track(Tracker tracker) {
        LatheException.check(store == null, "this clock already times a tracker (%s)", tracker.location());
        store = new TimedTracker(tracker);
        return store;
    }

    /** Ends the current stage: the time since the last lap, less the store's, goes to {@code stage}. */
    public void lap(DemoStage stage) {
        long now = System.nanoTime();
        long inStore = (store == null ? 0 : store.totalNanos()) - storeAtLast;
        nanos[stage.ordinal()] += now - last - inStore;
        nanos[DemoStage.TRACKING.ordinal()] += inStore;
        last = now;
        storeAtLast += inStore;
    }

    /** The seconds of every stage so far. */
    public StageTimings timings() {
        Map<DemoStage, Double> seconds = new EnumMap<>(DemoStage.class);
        for (DemoStage s : DemoStage.values()) {
            seconds.put(s, nanos[s.ordinal()] / 1e9);
        }
        return new StageTimings(seconds);
    }
}
