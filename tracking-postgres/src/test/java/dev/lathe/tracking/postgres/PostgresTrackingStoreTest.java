package dev.lathe.tracking.postgres;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.testkit.tracking.TrackingStoreContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the published store contract, unchanged, against a real PostgreSQL: each store in a schema of its
 * own, its artifacts under the test's directory; reopening a directory reopens its schema.
 */
class PostgresTrackingStoreTest extends TrackingStoreContract {
    private final Map<Path, String> schemas = new HashMap<>();

    @Override
    public TrackingStore newStore(Path dir) {
        String schema = PostgresTestServer.freshSchema();
        schemas.put(dir.toAbsolutePath(), schema);
        return PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("artifacts")));
    }

    @Override
    public TrackingStore reopen(Path dir) {
        String schema = schemas.get(dir.toAbsolutePath());
        if (schema == null) {
            return newStore(dir);
        }
        return PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("artifacts")));
    }
}
