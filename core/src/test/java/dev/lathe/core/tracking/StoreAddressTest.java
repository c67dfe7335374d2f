package dev.lathe.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The location rule: which texts carry a scheme, the resolution order, and the error with no backend. */
class StoreAddressTest {

    @Test
    void schemesAreReadFromUrlsAndJdbcKeepsItsSubProtocol() {
        assertEquals(
                Optional.of("postgresql"),
                StoreAddress.of("postgresql://db:5432/lathe?sslmode=off").scheme());
        assertEquals(
                Optional.of("jdbc:postgresql"),
                StoreAddress.of("jdbc:postgresql://db/lathe").scheme());
        assertEquals(
                Optional.of("jdbc:postgresql"),
                StoreAddress.of("JDBC:PostgreSQL:lathe").scheme());
        assertEquals(Optional.of("file"), StoreAddress.of("file:/tmp/store").scheme());
        assertEquals(Optional.of("runs"), StoreAddress.of("runs:2024").scheme());
    }

    @Test
    void pathsAndDriveLettersCarryNoScheme() {
        assertEquals(Optional.empty(), StoreAddress.of("/data/runs:2024").scheme());
        assertEquals(Optional.empty(), StoreAddress.of("./a:b").scheme());
        assertEquals(Optional.empty(), StoreAddress.of("lathe-store").scheme());
        assertEquals(Optional.empty(), StoreAddress.of("C:\\stores\\lathe").scheme());
        assertEquals(Optional.empty(), StoreAddress.of("2024:runs").scheme());
    }

    @Test
    void explicitThenPropertyThenEnvironmentThenTheDefaultDirectory() {
        Properties props = new Properties();
        Map<String, String> env = Map.of(StoreAddress.ENV, "postgresql://env/db");
        assertEquals(
                StoreAddress.of("lathe-store"), StoreAddress.resolve(Optional.empty(), new Properties(), Map.of()));
        assertEquals(StoreAddress.of("postgresql://env/db"), StoreAddress.resolve(Optional.empty(), props, env));
        props.setProperty(StoreAddress.PROPERTY, "jdbc:postgresql://prop/db");
        assertEquals(StoreAddress.of("jdbc:postgresql://prop/db"), StoreAddress.resolve(Optional.empty(), props, env));
        assertEquals(StoreAddress.of("/x/y"), StoreAddress.resolve(Optional.of("/x/y"), props, env));
        assertEquals(StoreAddress.of("jdbc:postgresql://prop/db"), StoreAddress.resolve(Optional.of(" "), props, env));
    }

    @Test
    void blankLocationsAreRejected() {
        LatheException e = assertThrows(LatheException.class, () -> StoreAddress.of(" "));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.errorCode());
    }

    @Test
    void withNoBackendOnTheClassPathOpeningNamesTheLocationAndWhatToAdd() {
        LatheException e = assertThrows(
                LatheException.class, () -> StoreAddress.of("postgresql://h/db").open());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.errorCode());
        assertTrue(
                e.getMessage().contains("'postgresql://h/db'") && e.getMessage().contains("scheme 'postgresql'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lathe-tracking-local"), e.getMessage());
        LatheException dir = assertThrows(
                LatheException.class, () -> StoreAddress.of("some/dir").open());
        assertTrue(dir.getMessage().contains("'some/dir' as a directory"), dir.getMessage());
    }
}
