package dev.lathe.core.io;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file (plain or {@code .gz}) into a Tablesaw {@link Table} in one streaming pass: only the
 * requested columns are parsed, each cell straight from bytes into a typed column. Types come from the
 * caller's {@link ReadSchema}, else {@code *_datetime} columns are timestamps and the others are
 * inferred from the first {@value #INFER_ROWS} rows and widened if a later value does not fit. A file
 * larger than the heap fails with a {@link DataException} naming the file and the limit.
 */
final class CsvTableReader {
    /** Rows whose values choose an undeclared column's type. */
    static final int INFER_ROWS = 1000;

    private static final int BUFFER = 1 << 20;
    private static final int CHECK_EVERY = 1 << 16;

    private final Path file;
    private final HeapLimit heap;
    private long rows;

    private CsvTableReader(Path file, HeapLimit heap) {
        this.file = file;
        this.heap = heap;
    }

    static Table read(Path file, Set<String> only, ReadSchema schema) {
        return read(file, only, schema, HeapLimit.ofRuntime(file));
    }

    static Table read(Path file, Set<String> only, ReadSchema schema, HeapLimit heap) {
        List<Table> whole = new ArrayList<>(1);
        read(file, only, schema, heap, Integer.MAX_VALUE, whole::add);
        return whole.get(0);
    }

    /**
     * Reads the file in tables of at most {@code chunkRows} rows each, handed to {@code sink} in order (at
     * least one, empty when the file has no rows); the types are chosen once, from the first rows.
     */
    static void read(
            Path file, Set<String> only, ReadSchema schema, HeapLimit heap, int chunkRows, Consumer<Table> sink) {
        CsvTableReader reader = new CsvTableReader(file, heap);
        try (InputStream in = open(file)) {
            reader.readAll(new CsvRecords(file, in, BUFFER), only, schema, chunkRows, sink);
        } catch (OutOfMemoryError e) {
            throw heap.tooBig(reader.rows, e);
        } catch (LatheException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean isTimestampColumn(String name) {
        return name.endsWith("_datetime");
    }

    private void readAll(CsvRecords records, Set<String> only, ReadSchema schema, int chunkRows, Consumer<Table> sink)
            throws IOException {
        if (!records.next()) {
            throw new DataException(file + " is empty: a CSV file needs a header line");
        }
        int width = records.fieldCount();
        List<String> header = new ArrayList<>(width);
        List<Integer> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < width; f++) {
            String name = Utf8Cells.text(
                            file,
                            "#" + (f + 1) + " of the header",
                            records.line(),
                            records.bytes(),
                            records.start(f),
                            records.end(f))
                    .trim();
            header.add(name);
            if ((only.isEmpty() || only.contains(name)) && seen.add(name)) {
                kept.add(f);
            }
        }
        int[] fields = kept.stream().mapToInt(Integer::intValue).toArray();
        List<byte[][]> sample = new ArrayList<>();
        List<Long> sampleLines = new ArrayList<>();
        boolean more;
        while ((more = records.next()) && sample.size() < INFER_ROWS) {
            checkWidth(records, width);
            byte[][] row = new byte[fields.length][];
            for (int k = 0; k < fields.length; k++) {
                row[k] =
                        java.util.Arrays.copyOfRange(records.bytes(), records.start(fields[k]), records.end(fields[k]));
            }
            sample.add(row);
            sampleLines.add(records.line());
        }
        CsvColumn[] columns = new CsvColumn[fields.length];
        for (int k = 0; k < fields.length; k++) {
            String name = header.get(fields[k]);
            CellType declared = schema.typeOf(name).orElse(null);
            CellType type = declared != null ? declared : inferred(name, sample, k);
            columns[k] = CsvColumn.of(file, name, type, declared != null);
        }
        int inChunk = 0;
        for (int r = 0; r < sample.size(); r++) {
            byte[][] row = sample.get(r);
            for (int k = 0; k < fields.length; k++) {
                columns[k] = columns[k].append(row[k], 0, row[k].length, sampleLines.get(r));
            }
            rows++;
            if (++inChunk == chunkRows) {
                sink.accept(table(columns));
                inChunk = 0;
            }
        }
        sample = null;
        long bytesPerRow = 0;
        while (more) {
            checkWidth(records, width);
            byte[] b = records.bytes();
            long line = records.line();
            for (int k = 0; k < fields.length; k++) {
                int f = fields[k];
                columns[k] = columns[k].append(b, records.start(f), records.end(f), line);
            }
            if (++inChunk == chunkRows) {
                sink.accept(table(columns));
                inChunk = 0;
            }
            if (++rows % CHECK_EVERY == 0) {
                if (bytesPerRow == 0) {
                    for (CsvColumn c : columns) {
                        bytesPerRow += c.bytesPerRow();
                    }
                }
                heap.check(Math.min(rows, chunkRows), bytesPerRow); // a chunk holds at most chunkRows
            }
            more = records.next();
        }
        if (inChunk > 0 || rows == 0) {
            sink.accept(table(columns));
        }
    }

    /** The columns read so far as a table; each column starts again empty, of the same type. */
    private Table table(CsvColumn[] columns) {
        Table table = Table.create(file.getFileName().toString());
        for (int k = 0; k < columns.length; k++) {
            table.addColumns(columns[k].column());
            columns[k] = columns[k].emptyCopy();
        }
        return table;
    }

    private static CellType inferred(String name, List<byte[][]> sample, int k) {
        if (isTimestampColumn(name)) {
            return CellType.TIMESTAMP;
        }
        CellType widest = null;
        for (byte[][] row : sample) {
            byte[] v = row[k];
            if (v.length == 0) {
                continue;
            }
            CellType t = ByteCells.numericType(v, 0, v.length);
            if (widest == null || t.ordinal() > widest.ordinal()) {
                widest = t;
            }
        }
        return widest == null ? CellType.DOUBLE : widest;
    }

    private void checkWidth(CsvRecords records, int width) {
        if (records.fieldCount() != width) {
            throw new DataException(String.format(
                    "%s: line %d has %d fields, the header has %d", file, records.line(), records.fieldCount(), width));
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
