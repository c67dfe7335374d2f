package dev.lathe.tracking.postgres;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import java.util.Optional;

/**
 * Opens a PostgreSQL store as a {@link Tracker} for code that only knows core. Not listed in
 * {@code META-INF/services} (core's {@link TrackerProvider#find()} takes the first provider, which must
 * stay the embedded store); the store-location SPI picks it by URL scheme.
 */
public final class PostgresTrackerProvider implements TrackerProvider {
    /** The store named by {@code lathe.store} or {@code $LATHE_STORE}, which must be a PostgreSQL URL. */
    @Override
    public Tracker openDefault() {
        String location = Optional.ofNullable(System.getProperty("lathe.store"))
                .or(() -> Optional.ofNullable(System.getenv("LATHE_STORE")))
                .orElse("");
        return open(location);
    }

    @Override
    public Tracker open(String location) {
        LatheException.check(
                PostgresTrackingStore.accepts(location),
                "the PostgreSQL store opens a postgresql:// or jdbc:postgresql: URL, got '%s'",
                PostgresLocation.redact(String.valueOf(location)));
        return PostgresTrackingStore.open(location);
    }
}
