package dev.lathe.tracking.postgres;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackerProvider;
import java.util.Set;

/**
 * Opens a PostgreSQL store through core's {@link StoreAddress} (ServiceLoader), so that {@code --store
 * postgresql://...}, {@code lathe ui}, {@code Lathe.open(String)} and the JUnit extension reach it.
 */
public final class PostgresTrackerProvider implements TrackerProvider {
    /** The URL schemes of a PostgreSQL store, as {@link StoreAddress#scheme()} spells them. */
    static final Set<String> SCHEMES = Set.of("postgresql", "jdbc:postgresql");

    @Override
    public String module() {
        return "lathe-tracking-postgres";
    }

    @Override
    public Set<String> schemes() {
        return SCHEMES;
    }

    /** Opens (migrating an empty database) the store {@code location} names: a PostgreSQL URL. */
    @Override
    public PostgresTrackingStore open(String location) {
        LatheException.check(
                PostgresTrackingStore.accepts(location),
                "the PostgreSQL store opens a postgresql:// or jdbc:postgresql: URL, got '%s'",
                PostgresLocation.redact(String.valueOf(location)));
        return PostgresTrackingStore.open(location);
    }
}
