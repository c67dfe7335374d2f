package dev.lathe.junit;

import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import dev.lathe.testkit.InMemoryTracker;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test-scope tracking backend for {@code mem:} locations: ServiceLoader instantiates it, so the trackers live in a map keyed
 * by location that tests read back after running a fixture class (tests use unique locations).
 */
public final class InMemoryTrackerProvider implements TrackerProvider {
    static final String SCHEME = "mem";
    private static final Map<String, InMemoryTracker> TRACKERS = new ConcurrentHashMap<>();

    @Override
    public String module() {
        return "lathe-junit's tests";
    }

    /** Locations {@code mem:NAME}, which the extension reaches only through the scheme rule. */
    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
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
