package dev.lathe.tracking.sqlite;

import dev.lathe.tracking.TrackingStore;
import dev.lathe.tracking.contract.TrackingStoreContract;
import java.nio.file.Path;

/** Runs the full store contract against the embedded SQLite store. */
class SqliteTrackingStoreTest extends TrackingStoreContract {
    @Override
    public TrackingStore newStore(Path dir) {
        return SqliteTrackingStore.open(dir);
    }
}
