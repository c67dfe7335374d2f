package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class HeapLimitTest {
    @Test
    void aFileLargerThanTheHeapLimitIsADataExceptionNamingFileRowsAndLimit(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int r = 0; r < 200_000; r++) {
            csv.append(r).append(',').append(r * 0.5).append(",x\n");
        }
        Path f = Files.writeString(dir.resolve("big.csv"), csv);
        HeapLimit oneMiB = new HeapLimit(f, 1 << 20);
        DataException e = assertThrows(
                DataException.class, () -> CsvTableReader.read(f, Set.of("a", "b"), ReadSchema.INFERRED, oneMiB));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()), m);
        assertTrue(m.contains("65,536 rows read"), m);
        assertTrue(m.contains("1 MiB"), m);
        assertTrue(m.contains("-Xmx") && m.contains("LATHE_JAVA_OPTS"), m);
        assertEquals(ErrorCode.BAD_REQUEST, e.errorCode(), "the CLI exits 2 on BAD_REQUEST");

        Table enough = CsvTableReader.read(f, Set.of("a", "b"), ReadSchema.INFERRED, new HeapLimit(f, 64 << 20));
        assertEquals(200_000, enough.rowCount());
    }

    @Test
    void anExhaustedHeapBecomesADataExceptionWithTheCause() {
        Path f = Path.of("/data/huge.csv");
        OutOfMemoryError oom;
        try {
            long[] tooLarge = new long[Integer.MAX_VALUE - 2];
            throw new AssertionError("allocated " + tooLarge.length);
        } catch (OutOfMemoryError real) {
            oom = real;
        }
        DataException e = new HeapLimit(f, 512L << 20).tooBig(1_234_567, oom);
        assertSame(oom, e.getCause());
        assertTrue(e.getMessage().contains("/data/huge.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("1,234,567 rows read"), e.getMessage());
        assertTrue(e.getMessage().contains("512 MiB"), e.getMessage());
    }
}
