package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's store-location SPI reaches PostgreSQL: {@code postgresql://} and {@code jdbc:postgresql:} URLs
 * are claimed by this module's provider (listed in {@code META-INF/services}) and open a store on the
 * real server, whose rows are then visible from outside the store.
 */
class PostgresStoreAddressTest {
    @TempDir
    Path dir;

    @Test
    void bothUrlFormsAreClaimedByThePostgresProvider() {
        for (String url : new String[] {"postgresql://h:5432/db", "jdbc:postgresql://h:5432/db", "POSTGRESQL://h/db"}) {
            assertInstanceOf(PostgresTrackerProvider.class, StoreAddress.of(url).provider(), url);
        }
        assertEquals("lathe-tracking-postgres", new PostgresTrackerProvider().module());
        assertTrue(!new PostgresTrackerProvider().opensDirectories(), "a PostgreSQL store is never a directory");
    }

    @Test
    void aStoreAddressOpensAStoreOnTheServer() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        String url = PostgresTestServer.storeUrl(schema, dir.resolve("artifacts"));
        String id;
        try (TrackingStore store = StoreAddress.of(url).open()) {
            assertInstanceOf(PostgresTrackingStore.class, store);
            id = store.createExperiment("through-the-spi");
        }
        String jdbc = "jdbc:" + url;
        try (TrackingStore store = StoreAddress.of(jdbc).openForReading()) {
            assertEquals(
                    id,
                    store.getExperimentByName("through-the-spi").orElseThrow().experimentId());
        }
        try (Connection c = PostgresTestServer.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT experiment_id FROM " + schema + ".experiments WHERE name = 'through-the-spi'")) {
            assertTrue(rs.next(), "the experiment is a row on the server");
            assertEquals(id, rs.getString(1));
        }
    }
}
