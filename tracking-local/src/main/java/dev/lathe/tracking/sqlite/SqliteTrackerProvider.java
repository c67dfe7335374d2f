package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import java.net.URI;
import java.nio.file.Path;

/** Lets core find the embedded store through {@link TrackerProvider#find()} (ServiceLoader). */
public final class SqliteTrackerProvider implements TrackerProvider {
    @Override
    public Tracker openDefault() {
        return SqliteTrackingStore.openDefault();
    }

    /** Opens the store at a directory given as a path or a {@code file:} URI. */
    @Override
    public Tracker open(String location) {
        LatheException.check(location != null && !location.isBlank(), "tracking store location must not be blank");
        if (location.startsWith("file:")) {
            return SqliteTrackingStore.open(Path.of(URI.create(location)));
        }
        LatheException.check(
                !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*"),
                "the local tracking store opens a directory or file: URI, got '%s'",
                location);
        return SqliteTrackingStore.open(Path.of(location));
    }
}
