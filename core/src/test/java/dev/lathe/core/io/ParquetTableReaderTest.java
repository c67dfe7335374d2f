package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.TlcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ParquetTableReaderTest {
    @Test
    void zeroByteAndNonParquetFilesAreNamed(@TempDir Path dir) throws IOException {
        for (Path f : List.of(
                Files.write(dir.resolve("empty.parquet"), new byte[0]),
                Files.writeString(dir.resolve("text.parquet"), "VendorID,trip_distance\n1,2.5\n"),
                Files.write(dir.resolve("half.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 0, 0, 0, 0, 0}))) {
            DataException e = assertThrows(DataException.class, () -> TableReader.read(f));
            assertTrue(e.getMessage().startsWith(f + " is not a Parquet file"), e.getMessage());
            assertFalse(e.getMessage().contains("@"), "no object identity: " + e.getMessage());
        }
    }

    @Test
    void projectionReadsOnlyTheRequestedColumnsWithTheSameValues() {
        Path f = TlcFiles.path("green_tripdata_2023-02.parquet");
        Table all = TableReader.read(f);
        Table part = TableReader.read(f, Set.of("trip_distance", "lpep_dropoff_datetime", "nope"));
        assertEquals(List.of("lpep_dropoff_datetime", "trip_distance"), part.columnNames());
        assertEquals(all.rowCount(), part.rowCount());
        for (String name : part.columnNames()) {
            for (int i = 0; i < all.rowCount(); i++) {
                assertEquals(all.column(name).getString(i), part.column(name).getString(i), name + " " + i);
            }
        }
    }
}
