package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store lives: constructor path, then -Dlathe.store, then $LATHE_STORE, then ./lathe-store. */
class StoreLocationTest {

    @Test
    void precedence(@TempDir Path dir) {
        Properties props = new Properties();
        Map<String, String> env = Map.of(StoreLocation.ENV, dir.resolve("env").toString());
        assertEquals(
                Path.of("lathe-store").toAbsolutePath(),
                StoreLocation.resolve(Optional.empty(), new Properties(), Map.of()));
        assertEquals(dir.resolve("env"), StoreLocation.resolve(Optional.empty(), props, env));
        props.setProperty(StoreLocation.PROPERTY, dir.resolve("prop").toString());
        assertEquals(dir.resolve("prop"), StoreLocation.resolve(Optional.empty(), props, env));
        assertEquals(dir.resolve("explicit"), StoreLocation.resolve(Optional.of(dir.resolve("explicit")), props, env));
    }

    @Test
    void openDefaultHonoursTheSystemProperty(@TempDir Path dir) {
        String old = System.getProperty(StoreLocation.PROPERTY);
        System.setProperty(StoreLocation.PROPERTY, dir.toString());
        try (SqliteTrackingStore store = SqliteTrackingStore.openDefault()) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), store.location());
            assertTrue(Files.isRegularFile(dir.resolve("lathe.db")));
            assertTrue(Files.isDirectory(dir.resolve("artifacts")));
        } finally {
            if (old == null) {
                System.clearProperty(StoreLocation.PROPERTY);
            } else {
                System.setProperty(StoreLocation.PROPERTY, old);
            }
        }
    }

    @Test
    void serviceProviderOpensTheStore(@TempDir Path dir) {
        TrackerProvider provider = TrackerProvider.find();
        assertTrue(
                provider instanceof SqliteTrackerProvider, provider.getClass().getName());
        try (Tracker t = provider.open(dir.toUri().toString())) {
            assertEquals("0", t.getOrCreateExperiment("Default"));
        }
        try (Tracker t = provider.open(dir.toString())) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), t.location());
        }
        assertThrows(LatheException.class, () -> provider.open("postgresql://host/db"));
    }
}
