package dev.lathe.core.io;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Reads a data file (any table: trips or the user's own) into a Tablesaw table, choosing the format by
 * extension: {@code .parquet}, {@code .csv} or {@code .csv.gz}. Raw TLC files and pandas re-exports
 * (ids as text, NULL-typed columns, extra columns) are accepted.
 */
public final class TableReader {
    private TableReader() {}

    /** Reads every column. */
    public static Table read(Path file) {
        return read(file, Set.of());
    }

    /** Reads only the named columns (all when {@code columns} is empty); absent names are ignored here. */
    public static Table read(Path file, Set<String> columns) {
        return read(file, columns, ReadSchema.INFERRED);
    }

    /**
     * Reads only the named columns (all when {@code columns} is empty), parsing a CSV column declared in
     * {@code schema} as its declared type (a value that does not fit is an error naming file, column, line
     * and value). Parquet columns keep the types the file declares.
     */
    public static Table read(Path file, Set<String> columns, ReadSchema schema) {
        checkReadable(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return ParquetTableReader.read(file, columns);
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CsvTableReader.read(file, columns, schema);
        }
        throw unknownFormat(file);
    }

    /**
     * Streams every column of {@code file} to {@code sink} in tables of bounded size, in file order, so that
     * a file of any length is processed in little memory: CSV in tables of {@code chunkRows} rows (types
     * chosen from the first rows), Parquet one row group at a time. At least one table is handed over.
     */
    public static void forEachChunk(Path file, int chunkRows, Consumer<Table> sink) {
        LatheException.check(chunkRows >= 1, "chunk rows must be >= 1, got %d", chunkRows);
        checkReadable(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".parquet")) {
            ParquetTableReader.read(file, Set.of(), true, sink);
        } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            CsvTableReader.read(file, Set.of(), ReadSchema.INFERRED, HeapLimit.ofRuntime(file), chunkRows, sink);
        } else {
            throw unknownFormat(file);
        }
    }

    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new ResourceNotFoundException("data file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidParameterException("data file " + file + " is not a readable regular file");
        }
    }

    private static InvalidParameterException unknownFormat(Path file) {
        return new InvalidParameterException(
                "data file " + file + " has an unknown format: expected .parquet, .csv or .csv.gz");
    }
}
