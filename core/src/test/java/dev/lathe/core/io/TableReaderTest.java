package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.TlcFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableReaderTest {
    @Test
    void rawTlcParquetDecodesTypesAndValuesExactly() {
        Table t = TableReader.read(TlcFiles.path("green_tripdata_2023-01.parquet"));
        assertEquals(68211, t.rowCount());
        assertEquals(20, t.columnCount());
        // First row as written (values checked with pyarrow): 1672532770000000 us = 2023-01-01 00:26:10.
        assertEquals(
                LocalDateTime.of(2023, 1, 1, 0, 26, 10), ((DateTimeColumn) t.column("lpep_pickup_datetime")).get(0));
        assertEquals(
                LocalDateTime.of(2023, 1, 1, 0, 37, 11), ((DateTimeColumn) t.column("lpep_dropoff_datetime")).get(0));
        assertEquals(166L, ((LongColumn) t.column("PULocationID")).get(0));
        assertEquals(143L, ((LongColumn) t.column("DOLocationID")).get(0));
        assertEquals(2.58, ((DoubleColumn) t.column("trip_distance")).get(0));
        assertEquals(24.18, ((DoubleColumn) t.column("total_amount")).get(0));
        // The last row has nulls in nullable doubles and text.
        int last = t.rowCount() - 1;
        assertTrue(t.column("passenger_count").isMissing(last));
        assertTrue(t.column("store_and_fwd_flag").isMissing(last));
        assertEquals(
                LocalDateTime.of(2023, 1, 31, 23, 51), ((DateTimeColumn) t.column("lpep_pickup_datetime")).get(last));
        assertEquals(5.82, ((DoubleColumn) t.column("trip_distance")).get(last));
        // ehail_fee has Parquet's NULL type: every value is missing.
        assertEquals(t.rowCount(), t.column("ehail_fee").countMissing());
    }

    @Test
    void pandasReExportWithTextIdsNullTypeAndExtraColumns() {
        Table t = TableReader.read(TlcFiles.path("green_tripdata_2021-01.parquet"));
        assertEquals(73908, t.rowCount());
        assertTrue(t.column("PULocationID") instanceof StringColumn);
        assertEquals("43", t.stringColumn("PULocationID").get(0));
        assertEquals("151", t.stringColumn("DOLocationID").get(0));
        assertEquals(t.rowCount(), t.column("ehail_fee").countMissing());
        assertTrue(t.containsColumn("duration"));
        assertTrue(t.containsColumn("__index_level_0__"));
        assertEquals(
                LocalDateTime.of(2021, 1, 1, 0, 15, 56), ((DateTimeColumn) t.column("lpep_pickup_datetime")).get(0));
    }

    @Test
    void csvExportDecodesToTheSameValuesAsParquet() {
        Set<String> cols = Set.of(
                "lpep_pickup_datetime", "lpep_dropoff_datetime", "PULocationID", "DOLocationID", "trip_distance");
        Table pq = TableReader.read(TlcFiles.path("green_tripdata_2023-02.parquet"), cols);
        Table csv = TableReader.read(TlcFiles.path("green_tripdata_2023-02.csv.gz"), cols);
        assertEquals(pq.rowCount(), csv.rowCount());
        assertEquals(5, csv.columnCount());
        for (String c : cols) {
            for (int i = 0; i < pq.rowCount(); i++) {
                assertEquals(
                        pq.column(c).isMissing(i) ? null : pq.column(c).getString(i),
                        csv.column(c).isMissing(i) ? null : csv.column(c).getString(i),
                        c + " row " + i);
            }
        }
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.parquet");
        LatheException e = assertThrows(LatheException.class, () -> TableReader.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRejected(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("trips.json"), "{}");
        LatheException e = assertThrows(LatheException.class, () -> TableReader.read(f));
        assertTrue(e.getMessage().contains("unknown format"), e.getMessage());
    }

    @Test
    void malformedCsvTimestampNamesFileColumnRowAndValue(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(("lpep_pickup_datetime,lpep_dropoff_datetime,PULocationID,DOLocationID,trip_distance\n"
                            + "2023-01-01 00:00:00,2023-01-01 00:10:00,1,2,1.5\n"
                            + "2023-01-01 00:00:00,2023-13-45 99:10:00,1,2,1.5\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        LatheException e = assertThrows(LatheException.class, () -> TableReader.read(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()), m);
        assertTrue(m.contains("lpep_dropoff_datetime"), m);
        assertTrue(m.contains("data row 2"), m);
        assertTrue(m.contains("2023-13-45 99:10:00"), m);
    }

    @Test
    void corruptParquetNamesTheFile(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("broken.parquet"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        LatheException e = assertThrows(LatheException.class, () -> TableReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
