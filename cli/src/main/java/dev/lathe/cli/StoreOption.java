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

    /** Opens the chosen store, or the default one. */
    public SqliteTrackingStore open() {
        return store == null ? SqliteTrackingStore.openDefault() : SqliteTrackingStore.open(store);
    }
}
