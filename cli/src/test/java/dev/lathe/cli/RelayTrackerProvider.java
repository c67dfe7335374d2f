package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.TrackerProvider;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.Set;

/**
 * A test-scope backend for URLs {@code relay:///ABSOLUTE/DIR}: it opens the real embedded store in that
 * directory, which no other backend would open from such a URL, so a store found there proves that the
 * location reached this backend through its scheme.
 */
public final class RelayTrackerProvider implements TrackerProvider {
    static final String SCHEME = "relay";
    private static final String PREFIX = SCHEME + "://";

    /** The URL of the store in directory {@code dir}. */
    static String url(Path dir) {
        return PREFIX + dir.toAbsolutePath();
    }

    @Override
    public String module() {
        return "lathe-cli's tests";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public SqliteTrackingStore open(String location) {
        return SqliteTrackingStore.open(directory(location));
    }

    @Override
    public SqliteTrackingStore openForReading(String location) {
        return SqliteTrackingStore.openForReading(directory(location));
    }

    private static Path directory(String location) {
        if (!location.startsWith(PREFIX + "/")) {
            throw new InvalidParameterException("a relay store URL is relay:///ABSOLUTE/DIR, got '" + location + "'");
        }
        return Path.of(location.substring(PREFIX.length()));
    }
}
