package dev.lathe.junit;

import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import dev.lathe.testkit.InMemoryTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test-scope tracking backend: ServiceLoader instantiates it, so the trackers live in a map keyed
 * by location that tests read back after running a fixture class (tests use unique locations).
 */
public final class InMemoryTrackerProvider implements TrackerProvider {
    static final String DEFAULT_LOCATION = "mem:default";
    private static final Map<String, InMemoryTracker> TRACKERS = new ConcurrentHashMap<>();

    @Override
    public Tracker openDefault() {
        return open(DEFAULT_LOCATION);
    }

    @Override
    public Tracker open(String location) {
        return TRACKERS.computeIfAbsent(location, InMemoryTracker::new);
    }

    /** The tracker at {@code location} (created empty when no test opened it). */
    static InMemoryTracker at(String location) {
        return TRACKERS.computeIfAbsent(location, InMemoryTracker::new);
    }

    static void reset(String location) {
        TRACKERS.remove(location);
    }
}
