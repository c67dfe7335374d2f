package dev.lathe.cli;

import dev.lathe.core.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, loaded from a copy kept in the checkout's {@code cli/target/native}:
 * by itself sqlite-jdbc writes its 1 MB library into the temporary directory and compares it with
 * the jar's byte by byte on every start. The command line sets {@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name} to the copy (made once, per sqlite-jdbc jar and platform) unless the
 * user set them; without a checkout or when the copy cannot be written, sqlite-jdbc extracts as usual.
 */
final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final System.Logger LOG = System.getLogger(SqliteNativeLibrary.class.getName());

    private SqliteNativeLibrary() {}

    /**
     * Points sqlite-jdbc at the copy under {@code home}/cli/target/native, making it on first use. Where
     * the jar keeps the library for this platform is remembered beside the copy: finding it costs
     * sqlite-jdbc a {@code uname} process, ~50 ms of every start.
     */
    static void useCopyUnder(Path home) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return; // the user chose a library
        }
        CodeSource source = LibraryLoaderUtil.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        try {
            String jar = Path.of(source.getLocation().toURI()).getFileName().toString();
            Path jarDir =
                    home.resolve("cli").resolve("target").resolve("native").resolve(jar);
            Path remembered =
                    jarDir.resolve(System.getProperty("os.name") + "-" + System.getProperty("os.arch") + ".txt");
            String name = LibraryLoaderUtil.getNativeLibName();
            if (Files.isRegularFile(remembered)) {
                Path dir = jarDir.resolve(Files.readString(remembered).strip().substring(1));
                if (Files.isRegularFile(dir.resolve(name))) {
                    use(dir, name);
                    return;
                }
            }
            String folder = LibraryLoaderUtil.getNativeLibResourcePath(); // e.g. /org/sqlite/native/Linux/x86_64
            Path dir = jarDir.resolve(folder.substring(1));
            Path library = dir.resolve(name);
            if (!Files.isRegularFile(library) && !copy(folder + "/" + name, dir, library)) {
                return; // this sqlite-jdbc has no library for this platform: it finds one itself
            }
            AtomicFile.write(remembered, folder.getBytes(StandardCharsets.UTF_8), "native library folder");
            use(dir, name);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "sqlite-jdbc extracts its native library itself: " + e, e);
        }
    }

    private static void use(Path dir, String name) {
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
    }

    /** Copies the jar's library to {@code library} through a temporary file, so readers see it whole. */
    private static boolean copy(String resource, Path dir, Path library) throws IOException {
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, library.getFileName().toString(), ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        }
    }
}
