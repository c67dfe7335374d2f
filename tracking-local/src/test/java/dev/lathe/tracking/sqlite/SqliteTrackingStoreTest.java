package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.testkit.tracking.TrackingStoreContract;
import dev.lathe.tracking.export.ExportContract;
import java.nio.file.Path;

/** Runs the published store contract, plus the MLflow export rules, against the embedded SQLite store. */
class SqliteTrackingStoreTest extends TrackingStoreContract implements ExportContract {
    @Override
    public TrackingStore newStore(Path dir) {
        return SqliteTrackingStore.open(dir);
    }
}
