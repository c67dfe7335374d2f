package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackerProvider;
import dev.lathe.core.tracking.TrackingStore;
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
        TrackerProvider provider = StoreAddress.of(dir.toString()).provider();
        assertTrue(
                provider instanceof SqliteTrackerProvider, provider.getClass().getName());
        try (Tracker t = StoreAddress.of(dir.toUri().toString()).open()) {
            assertEquals("0", t.getOrCreateExperiment("Default"));
        }
        try (Tracker t = provider.open(dir.toString())) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), t.location());
        }
        try (Tracker t = StoreAddress.of("sqlite:" + dir).open()) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), t.location());
        }
        assertThrows(LatheException.class, () -> provider.open("postgresql://host/db"));
        LatheException e = assertThrows(LatheException.class, () -> StoreAddress.of("postgresql://host/db")
                .open());
        assertTrue(
                e.getMessage().contains("'postgresql://host/db'")
                        && e.getMessage().contains("lathe-tracking-local (directories, file:, sqlite:)"),
                e.getMessage());
    }

    @Test
    void aPathWithAColonOpensAsADirectoryWhenNoBackendClaimsItsPrefix(@TempDir Path dir) {
        Path colon = dir.resolve("runs:2024");
        try (TrackingStore store = StoreAddress.of(colon.toString()).open()) {
            assertEquals(colon.toAbsolutePath().normalize().toString(), store.location());
        }
        assertTrue(Files.isRegularFile(colon.resolve(StoreLocation.DB_FILE)));
        assertEquals(Path.of("runs:2024").toAbsolutePath(), StoreLocation.directory(StoreAddress.of("runs:2024")));
        assertTrue(StoreAddress.of("runs:2024").provider() instanceof SqliteTrackerProvider);
    }

    @Test
    void urlsNoBackendClaimsAreErrorsNamingTheLocationAndTheBackends() {
        for (String url : new String[] {"foo://bar/baz", "jdbc:postgresql:lathe", "postgresql://h:5432/db?user=x"}) {
            LatheException e = assertThrows(
                    LatheException.class, () -> StoreAddress.of(url).open());
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.errorCode());
            assertTrue(
                    e.getMessage().contains("'" + url + "'")
                            && e.getMessage().contains("lathe-tracking-local (directories, file:, sqlite:)"),
                    e.getMessage());
        }
    }

    @Test
    void theEnvironmentMayNameAUrlAndTheEmbeddedStoreSaysItCannotOpenIt() {
        Map<String, String> env = Map.of(StoreLocation.ENV, "postgresql://h/db");
        LatheException e = assertThrows(
                LatheException.class, () -> StoreLocation.resolve(Optional.empty(), new Properties(), env));
        assertTrue(e.getMessage().contains("'postgresql://h/db'"), e.getMessage());
    }

    @Test
    void sqliteUrlsNameTheirDirectory(@TempDir Path dir) {
        assertEquals(dir, StoreLocation.directory(StoreAddress.of("sqlite://" + dir)));
        assertEquals(dir, StoreLocation.directory(StoreAddress.of("sqlite:" + dir)));
        assertEquals(dir, StoreLocation.directory(StoreAddress.of(dir.toUri().toString())));
    }
}
