package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.TlcFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The byte-level CSV reader against independent decoders: the same month as Parquet, and Tablesaw's own CSV reader. */
class CsvDifferentialTest {
    @Test
    void bundledCsvMonthEqualsItsParquetInEveryColumn() {
        Path csvFile = TlcFiles.path("green_tripdata_2023-01.csv.gz");
        Table pq = TableReader.read(TlcFiles.path("green_tripdata_2023-01.parquet"));
        Table csv = TableReader.read(csvFile);
        assertEquals(pq.columnNames(), csv.columnNames());
        assertEquals(pq.rowCount(), csv.rowCount());
        for (String name : pq.columnNames()) {
            assertSameValues(pq.column(name), csv.column(name));
        }
        Set<String> projected = Set.of("lpep_pickup_datetime", "PULocationID", "trip_distance");
        Table part = TableReader.read(csvFile, projected);
        assertEquals(3, part.columnCount());
        for (String name : projected) {
            assertSameValues(pq.column(name), part.column(name));
        }
    }

    private static void assertSameValues(Column<?> expected, Column<?> actual) {
        for (int i = 0; i < expected.size(); i++) {
            String where = expected.name() + " row " + i;
            assertEquals(expected.isMissing(i), actual.isMissing(i), where);
            if (expected.isMissing(i)) {
                continue;
            }
            if (expected instanceof NumericColumn<?> e && actual instanceof NumericColumn<?> a) {
                assertEquals(e.getDouble(i), a.getDouble(i), where);
            } else if (expected instanceof DateTimeColumn e) {
                LocalDateTime value = e.get(i);
                assertEquals(value, ((DateTimeColumn) actual).get(i), where);
            } else {
                assertEquals(expected.getString(i), actual.getString(i), where);
            }
        }
    }

    @Test
    void randomQuotedTextEqualsTablesawsOwnCsvReader(@TempDir Path dir) throws IOException {
        Random random = new Random(13);
        String alphabet = "ab ,\"\n\r\u00e9z1";
        int columns = 4;
        StringBuilder csv = new StringBuilder("c0,c1,c2,c3\n");
        for (int r = 0; r < 3000; r++) {
            for (int c = 0; c < columns; c++) {
                StringBuilder cell = new StringBuilder("v");
                int len = random.nextInt(8);
                for (int k = 0; k < len; k++) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String v = cell.toString().replace("\r", "\r\n");
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || random.nextBoolean();
                csv.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                csv.append(c + 1 < columns ? "," : (random.nextBoolean() ? "\r\n" : "\n"));
            }
        }
        Path f = Files.write(dir.resolve("random.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        ReadSchema text = ReadSchema.INFERRED;
        for (int c = 0; c < columns; c++) {
            text = text.with("c" + c, CellType.TEXT);
        }
        Table ours = TableReader.read(f, Set.of(), text);
        Table theirs = Table.read()
                .usingOptions(CsvReadOptions.builder(f.toFile())
                        .columnTypesPartial(name -> Optional.of(ColumnType.STRING))
                        .maxCharsPerColumn(1 << 16)
                        .build());
        assertEquals(theirs.rowCount(), ours.rowCount());
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < ours.rowCount(); r++) {
                // Tablesaw trims the spaces around a value (RFC 4180 keeps them, and so does Lathe).
                assertEquals(
                        theirs.stringColumn(c).get(r).replace("\r\n", "\n").strip(),
                        ours.stringColumn(c).get(r).replace("\r\n", "\n").strip(),
                        "c" + c + " row " + r);
            }
        }
    }
}
