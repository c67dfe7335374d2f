package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The command line's copy of sqlite-jdbc's native library: made once under the checkout with the jar's
 * bytes, its folder remembered so that later starts find it without sqlite-jdbc's platform probe, and made
 * again when the remembered copy is gone.
 */
class SqliteNativeLibraryTest {
    private String path;
    private String name;

    @BeforeEach
    void clearChoice() {
        path = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        name = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreChoice() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, path);
        restore(SqliteNativeLibrary.NAME_PROPERTY, name);
    }

    @Test
    void theCopyIsMadeOnceRememberedAndMadeAgainWhenGone(@TempDir Path home) throws IOException {
        SqliteNativeLibrary.useCopyUnder(home);
        Path library = Path.of(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY))
                .resolve(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        assertTrue(library.startsWith(home.resolve("cli/target/native")), library.toString());
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(library), "the jar's library, byte for byte");
        }
        Path remembered;
        try (var files = Files.walk(home.resolve("cli/target/native"))) {
            remembered =
                    files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        assertEquals(LibraryLoaderUtil.getNativeLibResourcePath(), Files.readString(remembered));

        clearChoice();
        SqliteNativeLibrary.useCopyUnder(home);
        assertEquals(library.getParent().toString(), System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));

        Files.delete(library);
        clearChoice();
        SqliteNativeLibrary.useCopyUnder(home);
        assertTrue(Files.isRegularFile(library), "made again when the remembered copy is gone");
        assertEquals(library.getParent().toString(), System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
    }

    @Test
    void aLibraryTheUserChoseIsLeftAlone(@TempDir Path home) {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");
        SqliteNativeLibrary.useCopyUnder(home);
        assertEquals("/opt/sqlite", System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertTrue(Files.notExists(home.resolve("cli")), "nothing copied");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
