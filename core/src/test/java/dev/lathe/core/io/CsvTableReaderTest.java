package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsWithDoubledQuotesCommasAndLineBreaks() throws IOException {
        Path f = write(
                "q.csv",
                "id,note,x\n"
                        + "1,\"plain\",1.5\n"
                        + "2,\"say \"\"hi\"\", then, go\",2.5\n"
                        + "3,\"two\nlines\",3.5\n"
                        + "4,\"\",4.5\n"
                        + "5,\"a\r\nb\",\"5.5\"\n");
        Table t = TableReader.read(f);
        assertEquals(5, t.rowCount());
        StringColumn note = t.stringColumn("note");
        assertEquals("plain", note.get(0));
        assertEquals("say \"hi\", then, go", note.get(1));
        assertEquals("two\nlines", note.get(2));
        assertTrue(note.isMissing(3));
        assertEquals("a\r\nb", note.get(4));
        assertEquals(5.5, ((DoubleColumn) t.column("x")).get(4));
    }

    @Test
    void crlfBomGzipMissingTrailingNewlineAndBlankLines(@TempDir Path d) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "a,b\r\n1,x\r\n\r\n,y\r\n3,\r\n4,z";
        Path f = d.resolve("crlf.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(bom);
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        Table t = TableReader.read(f);
        assertEquals(List.of("a", "b"), t.columnNames(), "the BOM is not part of the first name");
        assertEquals(4, t.rowCount(), "the blank line is skipped");
        IntColumn a = (IntColumn) t.column("a");
        assertEquals(1, a.get(0));
        assertTrue(a.isMissing(1), "an empty cell is missing");
        assertEquals(4, a.get(3));
        StringColumn b = t.stringColumn("b");
        assertEquals("x", b.get(0));
        assertTrue(b.isMissing(2));
        assertEquals("z", b.get(3), "the last line has no line break and no carriage return is kept");
    }

    @Test
    void typesAreInferredAndWidenedWithoutASecondPass() throws IOException {
        StringBuilder csv = new StringBuilder("i,l,d,t,ts_datetime,empty\n");
        int n = CsvTableReader.INFER_ROWS + 500;
        for (int r = 0; r < n; r++) {
            boolean late = r >= CsvTableReader.INFER_ROWS;
            csv.append(r).append(',');
            csv.append(late && r % 2 == 0 ? 10_000_000_000L + r : r).append(',');
            csv.append(late && r == n - 1 ? "0.25" : Integer.toString(r)).append(',');
            csv.append(late && r == n - 1 ? "word" : Integer.toString(r)).append(',');
            csv.append("2023-01-01 00:00:0").append(r % 10).append(",\n");
        }
        Table t = TableReader.read(write("w.csv", csv.toString()));
        assertInstanceOf(IntColumn.class, t.column("i"));
        assertInstanceOf(LongColumn.class, t.column("l"));
        assertEquals(10_000_000_000L + CsvTableReader.INFER_ROWS, ((LongColumn) t.column("l")).get(1000));
        assertEquals(999L, ((LongColumn) t.column("l")).get(999), "values before the widening are kept");
        assertInstanceOf(DoubleColumn.class, t.column("d"));
        assertEquals(0.25, ((DoubleColumn) t.column("d")).get(n - 1));
        assertEquals(7.0, ((DoubleColumn) t.column("d")).get(7));
        assertInstanceOf(StringColumn.class, t.column("t"));
        assertEquals("7", t.stringColumn("t").get(7));
        assertEquals("word", t.stringColumn("t").get(n - 1));
        assertInstanceOf(DateTimeColumn.class, t.column("ts_datetime"));
        assertEquals(n, t.column("empty").countMissing());
    }

    @Test
    void declaredTypesAreParsedAsDeclaredAndNotWidened() throws IOException {
        Path f = write("decl.csv", "zone,amount\n1,2\n2,3\nx7,4\n");
        ReadSchema schema = ReadSchema.INFERRED.with("zone", CellType.TEXT).with("amount", CellType.DOUBLE);
        Table t = TableReader.read(f, Set.of(), schema);
        assertInstanceOf(StringColumn.class, t.column("zone"));
        assertInstanceOf(DoubleColumn.class, t.column("amount"));
        assertEquals("x7", t.stringColumn("zone").get(2));

        DataException e = assertThrows(
                DataException.class,
                () -> TableReader.read(f, Set.of(), ReadSchema.INFERRED.with("zone", CellType.INT)));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("'zone'") && m.contains("line 4") && m.contains("'x7'"), m);
    }

    @Test
    void projectionNeverParsesUnrequestedColumns() throws IOException {
        Path f = write("p.csv", "keep,bad_datetime,other\n1,not a time,a\n2,neither,b\n");
        Table t = TableReader.read(f, Set.of("keep", "absent"));
        assertEquals(List.of("keep"), t.columnNames());
        assertEquals(2, t.rowCount());
        DataException e = assertThrows(DataException.class, () -> TableReader.read(f));
        assertTrue(e.getMessage().contains("bad_datetime"), "unprojected, the same column fails: " + e.getMessage());
    }

    @Test
    void aRowWithTooManyOrTooFewFieldsNamesItsLine() throws IOException {
        Path few = write("few.csv", "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n");
        DataException e = assertThrows(DataException.class, () -> TableReader.read(few));
        assertTrue(e.getMessage().contains(few.toString()) && e.getMessage().contains("line 5"), e.getMessage());
        assertTrue(e.getMessage().contains("has 2 fields, the header has 3"), e.getMessage());
        Path many = write("many.csv", "a,b\n1,2\n1,2,3\n");
        e = assertThrows(DataException.class, () -> TableReader.read(many));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("3 fields"), e.getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorNamingFileLineColumnAndByteNotANewCategory() throws IOException {
        byte[] latin1 = "zone,x\nCaf\u00e9,1\nPlaza,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.csv"), latin1);
        DataException e = assertThrows(DataException.class, () -> TableReader.read(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("line 2") && m.contains("column 'zone'"), m);
        assertTrue(m.contains("0xE9") && m.contains("UTF-8"), m);
        assertFalse(m.contains("\uFFFD"), m);
        Path header =
                Files.write(dir.resolve("header.csv"), "Caf\u00e9,x\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(DataException.class, () -> TableReader.read(header));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("0xE9"), e.getMessage());
        Path truncated =
                Files.write(dir.resolve("cut.csv"), new byte[] {'a', '\n', 'x', (byte) 0xE2, (byte) 0x82, '\n'});
        e = assertThrows(DataException.class, () -> TableReader.read(truncated));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("column 'a'"), e.getMessage());
    }

    @Test
    void validUtf8AndAnEncodedReplacementCharacterAreKept() throws IOException {
        Path f = write("utf8.csv", "zone,x\nCaf\u00e9 \uFFFD \u6771\u4eac \uD83D\uDE95,1\n");
        Table t = TableReader.read(f);
        assertEquals(
                "Caf\u00e9 \uFFFD \u6771\u4eac \uD83D\uDE95",
                t.stringColumn("zone").get(0));
    }

    @Test
    void malformedTimestampNamesFileColumnRowLineAndValue() throws IOException {
        Path f = write("ts.csv", "note,lpep_pickup_datetime\n\"a\nb\",2023-01-01 00:00:00\nc,2023-02-30 10:00:00\n");
        DataException e = assertThrows(DataException.class, () -> TableReader.read(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()), m);
        assertTrue(m.contains("'lpep_pickup_datetime'"), m);
        assertTrue(m.contains("data row 2 (line 4)"), m);
        assertTrue(m.contains("'2023-02-30 10:00:00'"), m);
    }

    @Test
    void unclosedQuoteAndEmptyFileAreErrorsNamingTheFile() throws IOException {
        Path open = write("open.csv", "a,b\n1,\"never closed\n2,3\n");
        DataException e = assertThrows(DataException.class, () -> TableReader.read(open));
        assertTrue(e.getMessage().contains(open.toString()) && e.getMessage().contains("line 2"), e.getMessage());
        Path empty = write("empty.csv", "");
        e = assertThrows(DataException.class, () -> TableReader.read(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void timestampsKeepMillisecondsAndAcceptTheIsoSeparator() throws IOException {
        Path f = write("iso.csv", "x_datetime\n2024-02-29T23:59:59.1239\n2023-01-01 00:00:01.5\n1999-12-31 00:00:00\n");
        DateTimeColumn c = (DateTimeColumn) TableReader.read(f).column("x_datetime");
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000), c.get(0));
        assertEquals(LocalDateTime.of(2023, 1, 1, 0, 0, 1, 500_000_000), c.get(1));
        assertEquals(LocalDateTime.of(1999, 12, 31, 0, 0, 0), c.get(2));
    }

    @Test
    void aRecordLongerThanTheBufferIsRead() throws IOException {
        String longText = "x".repeat(3 << 20);
        Path f = write("long.csv", "a,b\n1,\"" + longText + "\"\n2,short\n");
        Table t = TableReader.read(f);
        assertEquals(longText, t.stringColumn("b").get(0));
        assertEquals("short", t.stringColumn("b").get(1));
        assertFalse(t.column("a").isMissing(1));
    }
}
