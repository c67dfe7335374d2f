package dev.lathe.cli;

import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --store DIR|URL} option shared by commands that use the tracking store: a directory (the
 * embedded SQLite store) or a URL whose scheme names the backend, opened through core's {@link StoreAddress}.
 */
public final class StoreOption {
    @Option(
            names = "--store",
            paramLabel = "DIR|URL",
            description = "Tracking store: a directory or a URL such as postgresql://host:5432/db"
                    + " (default: -Dlathe.store, $LATHE_STORE, or ./lathe-store).")
    String store;

    /** The location given, or the default one (-Dlathe.store, $LATHE_STORE, ./lathe-store). */
    public StoreAddress address() {
        return StoreAddress.resolve(Optional.ofNullable(store));
    }

    /**
     * Opens the chosen store, or the default one, for reading: read-only where the backend can (the
     * embedded store when it exists at the current schema), so reading never writes nor waits on a writer.
     */
    public TrackingStore openForReading() {
        return address().openForReading();
    }

    /** Opens the chosen store, or the default one. */
    public TrackingStore open() {
        return address().open();
    }
}
