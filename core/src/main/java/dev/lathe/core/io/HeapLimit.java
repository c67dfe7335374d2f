package dev.lathe.core.io;

import dev.lathe.core.DataException;
import java.nio.file.Path;

/**
 * The heap a reader may fill: it checks the estimated size of the columns read so far (with room for
 * their next growth) against the JVM's maximum heap, and turns an exhausted heap into a
 * {@link DataException} naming the file, the rows read and the limit, with the hint to raise it.
 */
final class HeapLimit {
    /** Columns grow by half their size; the old and the new arrays live together while they grow. */
    private static final double GROWTH_PEAK = 2.5;

    private final Path file;
    private final long maxBytes;

    HeapLimit(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The limit of this JVM: {@link Runtime#maxMemory()}. */
    static HeapLimit ofRuntime(Path file) {
        return new HeapLimit(file, Runtime.getRuntime().maxMemory());
    }

    /** Fails when {@code rows} rows of {@code bytesPerRow} bytes could not grow once more in the heap. */
    void check(long rows, long bytesPerRow) {
        if (rows * bytesPerRow * GROWTH_PEAK > maxBytes) {
            throw tooBig(rows, null);
        }
    }

    /** The error for a file that does not fit after {@code rows} rows ({@code cause}: the heap's own error, or null). */
    DataException tooBig(long rows, OutOfMemoryError cause) {
        return new DataException(
                String.format(
                        "%s does not fit in the Java heap: %,d rows read when the heap limit of %,d MiB was reached;"
                                + " raise it with -Xmx (for the lathe command: LATHE_JAVA_OPTS=-Xmx8g) or read fewer columns",
                        file, rows, maxBytes >> 20),
                cause);
    }
}
