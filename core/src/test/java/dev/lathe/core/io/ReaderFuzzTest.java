package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.TlcFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tech.tablesaw.api.Table;

/**
 * Whatever bytes a data file holds, {@link TableReader#read} returns a table or throws a
 * {@link DataException}: never another exception type, never an {@link OutOfMemoryError}, never a hang.
 * Inputs: arbitrary bytes, valid CSV files mutated with quotes, separators, line breaks, a BOM, invalid
 * UTF-8 and truncation (plain and gzip), and the bundled Parquet month flipped or truncated. Seeds and
 * tries come from {@code dev.lathe.core.fuzz.FuzzSettings}.
 */
class ReaderFuzzTest {
    /** One read may take this long on a loaded machine; a hang takes forever. */
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    private static final String VALID_CSV = "VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,PULocationID,"
            + "DOLocationID,store_and_fwd_flag,trip_distance\n"
            + "2,2023-01-01 00:26:10,2023-01-01 00:37:11,166,143,N,2.58\n"
            + "2,2023-01-01 00:51:03,2023-01-01 00:57:49,24,43,\"N\",1.81\n"
            + "1,2023-01-01 00:35:12,2023-01-01 00:41:32,223,179,\"a \"\"quoted\"\", text\",0.0\n"
            + "2,2023-01-01 00:13:14,2023-01-01 00:19:03,41,238,,1.3\n"
            + "2,2023-01-01 00:33:04,2023-01-01 00:39:02,41,74,Y,1.1e1\n";

    /** Fragments a hostile or unlucky file holds where a valid one has a byte. */
    private static final List<byte[]> FRAGMENTS = List.of(
            bytes("\""),
            bytes(","),
            bytes("\r"),
            bytes("\n"),
            bytes("\r\n"),
            bytes("\"\""),
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, // a BOM, here mid-file
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xE9},
            new byte[] {0},
            bytes("NaN"),
            bytes("Infinity"),
            bytes("-"),
            bytes("9999999999999999999999"),
            bytes("2023-02-30 25:61:61"),
            bytes(""));

    private static Path dir;
    private static byte[] parquet;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("lathe-reader-fuzz");
        parquet = Files.readAllBytes(TlcFiles.path("green_tripdata_2023-02.parquet"));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 100)
    void arbitraryBytesAreATableOrADataError(@ForAll @Size(max = 2000) byte[] content) {
        readsOrFailsCleanly("bytes.csv", content, Set.of());
        readsOrFailsCleanly("bytes.parquet", content, Set.of());
    }

    @Property(tries = 80)
    void mutatedCsvFilesAreATableOrADataError(@ForAll("mutatedCsv") byte[] content) {
        readsOrFailsCleanly("mutated.csv", content, Set.of());
        readsOrFailsCleanly("projected.csv", content, Set.of("trip_distance", "lpep_pickup_datetime"));
    }

    @Property(tries = 60)
    void mutatedGzipCsvFilesAreATableOrADataError(
            @ForAll("mutatedCsv") byte[] content, @ForAll("fractions") double keep) {
        byte[] gz = gzip(content);
        readsOrFailsCleanly("mutated.csv.gz", Arrays.copyOf(gz, (int) (gz.length * keep)), Set.of());
    }

    @Property(tries = 15)
    void mutatedParquetFilesAreATableOrADataError(@ForAll("mutatedParquet") byte[] content) {
        readsOrFailsCleanly(
                "mutated.parquet", content, Set.of("trip_distance", "lpep_pickup_datetime", "PULocationID"));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0.0, 1.0);
    }

    @Provide
    Arbitrary<byte[]> mutatedCsv() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID_CSV.length());
        Arbitrary<Integer> fragment = Arbitraries.integers().between(0, FRAGMENTS.size() - 1);
        Arbitrary<int[]> edit = Combinators.combine(
                        position, fragment, Arbitraries.integers().between(0, 2))
                .as((p, f, kind) -> new int[] {p, f, kind});
        return Combinators.combine(
                        edit.list().ofMaxSize(8),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 100))
                .as((edits, bom, truncatePercent) -> {
                    byte[] b = bytes(VALID_CSV);
                    for (int[] e : edits) {
                        b = edit(b, Math.min(e[0], b.length), FRAGMENTS.get(e[1]), e[2]);
                    }
                    if (bom) {
                        b = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
                    }
                    return truncatePercent > 80 ? Arrays.copyOf(b, b.length * (truncatePercent - 80) / 20) : b;
                });
    }

    @Provide
    Arbitrary<byte[]> mutatedParquet() {
        int n = parquet.length;
        Arbitrary<int[]> flip = Combinators.combine(
                        Arbitraries.integers().between(0, 1), // anywhere, or in the footer's last 4 KB
                        Arbitraries.integers().between(0, n - 1),
                        Arbitraries.integers().between(1, 255))
                .as((inFooter, p, x) -> new int[] {inFooter == 1 ? n - 1 - p % 4096 : p, x});
        return Combinators.combine(
                        flip.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.integers().between(0, 100))
                .as((flips, truncatePercent) -> {
                    byte[] b = parquet.clone();
                    for (int[] f : flips) {
                        b[f[0]] ^= (byte) f[1];
                    }
                    return truncatePercent > 85 ? Arrays.copyOf(b, (int) ((long) n * (truncatePercent - 85) / 15)) : b;
                });
    }

    private static void readsOrFailsCleanly(String name, byte[] content, Set<String> columns) {
        Path f = dir.resolve(name);
        try {
            Files.write(f, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTimeoutPreemptively(NO_HANG, () -> {
            try {
                Table t = TableReader.read(f, columns);
                if (!containsReplacementCharacter(content)) {
                    noReplacementCharacter(t);
                }
            } catch (DataException expected) {
                assert expected.getMessage().contains(f.toString()) : "names the file: " + expected.getMessage();
            } catch (LatheException other) {
                throw new AssertionError("a data file's content is bad data, not " + other.getClass(), other);
            }
        });
    }

    /** Invalid UTF-8 is an error, never a U+FFFD the file did not hold (which would become a new category). */
    private static void noReplacementCharacter(Table t) {
        for (var c : t.columns()) {
            if (c instanceof tech.tablesaw.api.StringColumn s) {
                for (String v : s) {
                    if (v != null && v.indexOf('\uFFFD') >= 0) {
                        throw new AssertionError("U+FFFD in column '" + c.name() + "': " + v);
                    }
                }
            }
        }
    }

    private static boolean containsReplacementCharacter(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBF && (b[i + 2] & 0xff) == 0xBD) {
                return true;
            }
        }
        return false;
    }

    /** Kind 0 inserts the fragment, 1 overwrites with it, 2 deletes as many bytes as it has (at least one). */
    private static byte[] edit(byte[] b, int p, byte[] fragment, int kind) {
        return switch (kind) {
            case 0 -> concat(concat(Arrays.copyOf(b, p), fragment), Arrays.copyOfRange(b, p, b.length));
            case 1 -> concat(
                    concat(Arrays.copyOf(b, p), fragment),
                    Arrays.copyOfRange(b, Math.min(b.length, p + fragment.length), b.length));
            default -> concat(
                    Arrays.copyOf(b, p),
                    Arrays.copyOfRange(b, Math.min(b.length, p + Math.max(1, fragment.length)), b.length));
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
