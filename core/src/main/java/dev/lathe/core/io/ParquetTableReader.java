package dev.lathe.core.io;

import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Reads a flat Parquet file, only the requested columns and one row group at a time, into a Tablesaw {@link Table}: timestamps become
 * {@link DateTimeColumn}s (local time as TLC writes them; Tablesaw keeps millisecond precision), 64-bit integers {@link LongColumn}s, text
 * {@link StringColumn}s, doubles {@link DoubleColumn}s; Parquet nulls become Tablesaw missing values, and
 * a column of Parquet's NULL type becomes an all-missing column.
 */
final class ParquetTableReader {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Magic, footer length and magic: the smallest a Parquet file can be. */
    private static final long MIN_SIZE = 12;

    private ParquetTableReader() {}

    static Table read(Path file, Set<String> only) {
        List<Table> whole = new ArrayList<>(1);
        read(file, only, false, whole::add);
        return whole.get(0);
    }

    /**
     * Reads the file as one table, or ({@code perRowGroup}) as one table per row group, handed to {@code
     * sink} in order (at least one, empty when the file has no rows).
     */
    static void read(Path file, Set<String> only, boolean perRowGroup, Consumer<Table> sink) {
        checkIsParquet(file);
        HeapLimit heap = HeapLimit.ofRuntime(file);
        long rowsRead = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            MessageType schema = meta.getSchema();
            List<ColumnDescriptor> descriptors = new ArrayList<>();
            List<Type> fields = new ArrayList<>();
            List<Column<?>> columns = new ArrayList<>();
            for (ColumnDescriptor d : schema.getColumns()) {
                String name = d.getPath()[0];
                LatheException.check(
                        ErrorCode.BAD_REQUEST,
                        d.getPath().length == 1,
                        "%s: nested Parquet column '%s' is not supported",
                        file,
                        String.join(".", d.getPath()));
                if (only.isEmpty() || only.contains(name)) {
                    descriptors.add(d);
                    fields.add(schema.getType(name));
                    columns.add(emptyColumn(file, name, d.getPrimitiveType()));
                }
            }
            // Only the requested columns' chunks are read from disk, one row group at a time.
            MessageType requested = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(requested);
            GroupConverter converter = new DummyRecordConverter(requested).getRootConverter();
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                long rows = rowGroup.getRowCount();
                ColumnReadStoreImpl store =
                        new ColumnReadStoreImpl(rowGroup, converter, requested, meta.getCreatedBy());
                for (int c = 0; c < descriptors.size(); c++) {
                    readColumn(store.getColumnReader(descriptors.get(c)), columns.get(c), rows);
                }
                rowGroup = null;
                rowsRead += rows;
                if (perRowGroup) {
                    sink.accept(table(file, columns));
                    for (int c = 0; c < descriptors.size(); c++) {
                        columns.set(
                                c,
                                emptyColumn(
                                        file,
                                        columns.get(c).name(),
                                        descriptors.get(c).getPrimitiveType()));
                    }
                }
            }
            if (!perRowGroup || rowsRead == 0) {
                sink.accept(table(file, columns));
            }
        } catch (OutOfMemoryError e) {
            throw heap.tooBig(rowsRead, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LatheException le) {
                throw le;
            }
            throw new DataException("cannot read Parquet file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Table table(Path file, List<Column<?>> columns) {
        Table table = Table.create(file.getFileName().toString());
        columns.forEach(table::addColumns);
        return table;
    }

    /** A Parquet file starts and ends with the magic "PAR1" around its footer; anything else is named as not Parquet. */
    private static void checkIsParquet(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            ByteBuffer tail = ByteBuffer.allocate(4);
            boolean magic = size >= MIN_SIZE
                    && channel.read(head, 0) == 4
                    && channel.read(tail, size - 4) == 4
                    && Arrays.equals(head.array(), MAGIC)
                    && Arrays.equals(tail.array(), MAGIC);
            if (!magic) {
                throw new DataException(String.format(
                        "%s is not a Parquet file (%,d bytes; a Parquet file starts and ends with \"PAR1\")",
                        file, size));
            }
        } catch (IOException e) {
            throw new DataException("cannot read Parquet file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Column<?> emptyColumn(Path file, String name, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    return DateTimeColumn.create(name);
                }
                return LongColumn.create(name);
            case INT32:
                return IntColumn.create(name);
            case DOUBLE:
                return DoubleColumn.create(name);
            case FLOAT:
                return FloatColumn.create(name);
            case BOOLEAN:
                return BooleanColumn.create(name);
            case BINARY:
                return StringColumn.create(name);
            default:
                throw new DataException(file + ": column '" + name + "' has unsupported Parquet type " + type);
        }
    }

    private static void readColumn(ColumnReader reader, Column<?> column, long rows) {
        int maxDef = reader.getDescriptor().getMaxDefinitionLevel();
        LogicalTypeAnnotation logical =
                reader.getDescriptor().getPrimitiveType().getLogicalTypeAnnotation();
        for (long r = 0; r < rows; r++) {
            if (reader.getCurrentDefinitionLevel() != maxDef) {
                column.appendMissing();
                reader.consume();
                continue;
            }
            if (column instanceof LongColumn lc) {
                lc.append(reader.getLong());
            } else if (column instanceof DoubleColumn dc) {
                dc.append(reader.getDouble());
            } else if (column instanceof DateTimeColumn dt) {
                dt.appendInternal(PackedLocalDateTime.pack(toLocalDateTime(
                        reader.getLong(), ((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) logical).getUnit())));
            } else if (column instanceof IntColumn ic) {
                ic.append(reader.getInteger());
            } else if (column instanceof FloatColumn fc) {
                fc.append(reader.getFloat());
            } else if (column instanceof BooleanColumn bc) {
                bc.append(reader.getBoolean());
            } else {
                ((StringColumn) column).append(reader.getBinary().toStringUsingUTF8());
            }
            reader.consume();
        }
    }

    /** Converts a Parquet timestamp value in its unit to a local date-time, exactly (nanosecond precision). */
    static LocalDateTime toLocalDateTime(long value, LogicalTypeAnnotation.TimeUnit unit) {
        long seconds;
        long nanos;
        switch (unit) {
            case MILLIS -> {
                seconds = Math.floorDiv(value, 1_000L);
                nanos = Math.floorMod(value, 1_000L) * 1_000_000L;
            }
            case MICROS -> {
                seconds = Math.floorDiv(value, 1_000_000L);
                nanos = Math.floorMod(value, 1_000_000L) * 1_000L;
            }
            default -> {
                seconds = Math.floorDiv(value, 1_000_000_000L);
                nanos = Math.floorMod(value, 1_000_000_000L);
            }
        }
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    }
}
