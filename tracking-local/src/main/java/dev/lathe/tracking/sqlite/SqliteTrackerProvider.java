package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackerProvider;
import java.util.Set;

/** Opens the embedded store through core's {@link StoreAddress} (ServiceLoader): directories, file: and sqlite: URLs. */
public final class SqliteTrackerProvider implements TrackerProvider {
    @Override
    public String module() {
        return "lathe-tracking-local";
    }

    @Override
    public Set<String> schemes() {
        return StoreLocation.SCHEMES;
    }

    @Override
    public boolean opensDirectories() {
        return true;
    }

    /** Opens (creating when absent) the store in the directory {@code location} names. */
    @Override
    public SqliteTrackingStore open(String location) {
        return SqliteTrackingStore.open(StoreLocation.directory(StoreAddress.of(location)));
    }

    /** Opens the store for reading (see {@link SqliteTrackingStore#openForReading}). */
    @Override
    public SqliteTrackingStore openForReading(String location) {
        return SqliteTrackingStore.openForReading(StoreLocation.directory(StoreAddress.of(location)));
    }
}
