package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;
import tech.tablesaw.api.Table;

/**
 * What the command line does at start-up to start fast, checked in fresh JVMs as a user starts it:
 * sqlite-jdbc loads the copy of its native library under the checkout instead of extracting one
 * into the temporary directory, Tablesaw initialised with its narrowed class-path scan still
 * registers its readers and leaves the class path property as it was, and Netty's flight-recorder
 * events are off unless the JVM was told otherwise.
 */
class ColdStartTest {
    @TempDir
    Path tmp;

    private CliRun child(List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return CliRun.inChildJvm(tmp, jvmOptions, mainClass, args);
    }

    @Test
    void sqliteLoadsTheCopyUnderTheCheckoutAndExtractsNothing() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("checkout"));
        for (int start = 0; start < 2; start++) { // the first start makes the copy, the second reuses it
            Path extractDir = Files.createDirectories(tmp.resolve("sqlite-tmp-" + start));
            CliRun run = child(
                    List.of("-D" + LatheCli.HOME_PROPERTY + "=" + home, "-Dorg.sqlite.tmpdir=" + extractDir),
                    SqliteProbe.class,
                    tmp.resolve("store").toString(),
                    extractDir.toString());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("Default"), run.toString());
            assertTrue(run.out().strip().endsWith("extracted: []"), run.toString());
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path copy;
        try (Stream<Path> files = Files.walk(home.resolve("cli/target/native"))) {
            copy = files.filter(p -> p.getFileName().toString().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
        try (InputStream jar = LibraryLoaderUtil.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            assertArrayEquals(jar.readAllBytes(), Files.readAllBytes(copy), copy.toString());
        }
    }

    @Test
    void withoutACheckoutSqliteExtractsItsLibraryAsUsual() throws Exception {
        Path extractDir = Files.createDirectories(tmp.resolve("sqlite-tmp"));
        CliRun run = child(
                List.of("-Dorg.sqlite.tmpdir=" + extractDir),
                SqliteProbe.class,
                tmp.resolve("store").toString(),
                extractDir.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Default"), run.toString());
        assertTrue(run.out().contains(LibraryLoaderUtil.getNativeLibName()), "the control: " + run);
    }

    /** Starts as {@code main} does, opens a store, then lists what sqlite-jdbc extracted (args: store, its tmpdir). */
    static final class SqliteProbe {
        public static void main(String[] args) throws IOException {
            LatheCli.startup();
            int code = LatheCli.execute("experiments", "list", "--store", args[0]);
            try (Stream<Path> extracted = Files.list(Path.of(args[1]))) {
                System.out.println("extracted: "
                        + extracted
                                .map(p -> p.getFileName().toString())
                                .filter(n -> !n.endsWith(".lck"))
                                .sorted()
                                .toList());
            }
            System.exit(code);
        }
    }

    @Test
    void nettysFlightRecorderEventsAreOffUnlessTheJvmAsksForThem() throws Exception {
        CliRun byDefault = child(List.of(), NettyJfrProbe.class);
        assertEquals(0, byDefault.code(), byDefault.toString());
        assertEquals("netty jfr: false", byDefault.out().strip(), byDefault.toString());
        CliRun asked = child(List.of("-D" + LatheCli.NETTY_JFR_PROPERTY + "=true"), NettyJfrProbe.class);
        assertEquals(0, asked.code(), asked.toString());
        assertEquals("netty jfr: true", asked.out().strip(), "the control: " + asked);
    }

    /** Starts as {@code main} does, then reports whether Netty will emit its flight-recorder events. */
    static final class NettyJfrProbe {
        public static void main(String[] args) {
            LatheCli.startup();
            System.out.println("netty jfr: " + io.netty.util.internal.PlatformDependent.isJfrEnabled());
        }
    }

    @Test
    void tablesawStartsWithItsReadersAndTheClassPathUnchanged() throws Exception {
        CliRun run = child(List.of(), TablesawProbe.class);
        assertEquals(0, run.code(), run.toString());
        assertEquals(
                "csv reader: tech.tablesaw.io.csv.CsvReader, class path unchanged: true",
                run.out().strip(),
                run.toString());
    }

    /** Initialises Tablesaw as the command line does, then reports what its readers' registry holds. */
    static final class TablesawProbe {
        public static void main(String[] args) {
            String classPath = System.getProperty("java.class.path");
            TablesawStartup.initialize();
            TablesawStartup.initialize();
            System.out.println("csv reader: "
                    + Table.defaultReaderRegistry
                            .getReaderForExtension("csv")
                            .orElseThrow()
                            .getClass()
                            .getName() + ", class path unchanged: "
                    + classPath.equals(System.getProperty("java.class.path")));
        }
    }
}
