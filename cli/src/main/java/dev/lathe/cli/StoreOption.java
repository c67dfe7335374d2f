package dev.lathe.cli;

import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by commands that use the tracking store. */
public final class StoreOption {
    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Tracking store directory (default: $LATHE_STORE, or ./lathe-store).")
    Path store;

    /**
     * Opens the chosen store, or the default one, for reading: read-only when it exists at the current
     * schema (see {@link SqliteTrackingStore#openForReading}), so reading never writes nor waits on a writer.
     */
    public SqliteTrackingStore openForReading() {
        return store == null ? SqliteTrackingStore.openDefaultForReading() : SqliteTrackingStore.openForReading(store);
    }

    /** Opens the chosen store, or the default one. */
    public SqliteTrackingStore open() {
        return store == null ? SqliteTrackingStore.openDefault() : SqliteTrackingStore.open(store);
    }
}
