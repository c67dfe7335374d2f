package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@link TableReader#forEachChunk} hands over exactly the rows {@link TableReader#read} reads, in order and
 * in bounded tables; {@link TableFileWriter} writes chunks that read back as they were, or nothing.
 */
class TableChunksTest {
    @TempDir
    Path dir;

    static Path month(String file) {
        Path d = Path.of("").toAbsolutePath();
        while (!Files.exists(d.resolve("data/tlc"))) {
            d = d.getParent();
        }
        return d.resolve("data/tlc/" + file);
    }

    @Test
    void csvChunksOfAThousandRowsHoldTheWholeFileInOrder() {
        Path csv = month("green_tripdata_2023-02.csv.gz");
        Table whole = TableReader.read(csv);
        List<Table> chunks = new ArrayList<>();
        TableReader.forEachChunk(csv, 1000, chunks::add);
        assertEquals((whole.rowCount() + 999) / 1000, chunks.size());
        assertChunksEqual(whole, chunks, 1000);
    }

    @Test
    void parquetChunksAreItsRowGroupsHoldingTheWholeFileInOrder() {
        Path parquet = month("green_tripdata_2023-02.parquet");
        Table whole = TableReader.read(parquet);
        List<Table> chunks = new ArrayList<>();
        TableReader.forEachChunk(parquet, 1000, chunks::add);
        assertChunksEqual(whole, chunks, Integer.MAX_VALUE);
    }

    @Test
    void aColumnWidenedInALaterChunkKeepsItsValues() throws IOException {
        StringBuilder text = new StringBuilder("id,x\n");
        for (int i = 0; i < 1500; i++) { // types come from the first 1,000 rows: x is whole numbers there
            text.append(i)
                    .append(',')
                    .append(i == 1200 ? "2.5" : i == 1300 ? "abc" : String.valueOf(i))
                    .append('\n');
        }
        Path csv = Files.writeString(dir.resolve("w.csv"), text);
        List<Table> chunks = new ArrayList<>();
        TableReader.forEachChunk(csv, 1000, chunks::add);
        assertEquals(2, chunks.size());
        assertEquals(1000, chunks.get(0).rowCount());
        assertEquals("999", chunks.get(0).column("x").getString(999));
        Column<?> later = chunks.get(1).column("x");
        assertEquals(
                "1000.0", later.getString(0), "values before the widening are kept (as the doubles they had become)");
        assertEquals("2.5", later.getString(200));
        assertEquals("abc", later.getString(300));
        assertEquals("1499", later.getString(499));
    }

    @Test
    void writtenChunksReadBackAsTheyWereInParquetAndCsv() {
        Table whole = TableReader.read(month("green_tripdata_2023-01.parquet"));
        for (String name : List.of("out.parquet", "out.csv")) {
            Path out = dir.resolve(name);
            try (TableFileWriter writer = TableFileWriter.open(out)) {
                TableReader.forEachChunk(month("green_tripdata_2023-01.parquet"), 1000, writer::write);
                assertFalse(Files.exists(out), "nothing appears before the commit");
                writer.commit();
            }
            Table back = TableReader.read(out);
            assertEquals(whole.columnNames(), back.columnNames(), name);
            assertEquals(whole.rowCount(), back.rowCount(), name);
            for (Column<?> c : whole.columns()) {
                for (int r = 0; r < whole.rowCount(); r += 97) {
                    assertEquals(c.isMissing(r), back.column(c.name()).isMissing(r), name + " " + c.name() + " " + r);
                    if (!c.isMissing(r)) {
                        assertEquals(
                                number(c.get(r)),
                                number(back.column(c.name()).get(r)),
                                name + " " + c.name() + " " + r);
                    }
                }
            }
        }
    }

    @Test
    void aWriterClosedWithoutCommitLeavesNoFile() {
        Path out = dir.resolve("partial.csv");
        try (TableFileWriter writer = TableFileWriter.open(out)) {
            TableReader.forEachChunk(month("green_tripdata_2023-01.parquet"), 1000, writer::write);
        }
        assertFalse(Files.exists(out));
        try (var files = assertDoesNotThrow(() -> Files.list(dir))) {
            assertEquals(0, files.count(), "no temporary file is left behind");
        }
        LatheException e = assertThrows(LatheException.class, () -> TableFileWriter.open(dir.resolve("x.txt")));
        assertTrue(e.getMessage().contains("x.txt"), e.getMessage());
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Numbers compare by value (a CSV reads back int ids as longs), anything else as itself. */
    private static Object number(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    private static void assertChunksEqual(Table whole, List<Table> chunks, int maxRows) {
        int r = 0;
        for (Table chunk : chunks) {
            assertTrue(chunk.rowCount() <= maxRows);
            assertEquals(whole.columnNames(), chunk.columnNames());
            for (int k = 0; k < chunk.rowCount(); k++, r++) {
                for (Column<?> c : whole.columns()) {
                    Column<?> got = chunk.column(c.name());
                    assertEquals(c.isMissing(r), got.isMissing(k), c.name() + " row " + r);
                    if (!c.isMissing(r)) {
                        assertEquals(number(c.get(r)), number(got.get(k)), c.name() + " row " + r);
                    }
                }
            }
        }
        assertEquals(whole.rowCount(), r);
        assertEquals(Set.copyOf(whole.columnNames()), Set.copyOf(chunks.get(0).columnNames()));
    }
}
