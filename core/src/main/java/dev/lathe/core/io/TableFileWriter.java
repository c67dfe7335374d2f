package dev.lathe.core.io;

import blue.strategic.parquet.Dehydrator;
import blue.strategic.parquet.ParquetWriter;
import dev.lathe.core.DataException;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.StorageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a table file ({@code .parquet} or {@code .csv}, by extension) from tables handed over one after
 * another, so that a file of any length is written in little memory. The columns of the first table fix
 * the file's columns and types. The file appears whole or not at all: rows go to a temporary sibling that
 * {@link #commit} moves into place; {@link #close} without a commit deletes it.
 */
public final class TableFileWriter implements AutoCloseable {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final Path target;
    private final Path tmp;
    private final boolean parquet;
    private Writer csv;
    private ParquetWriter<Row> parquetWriter;
    private List<String> names;
    private List<PrimitiveTypeName> types;
    private long rows;
    private boolean committed;

    /** One row of a table being written. */
    private record Row(Table table, int row) {}

    private TableFileWriter(Path target, boolean parquet) {
        this.target = target.toAbsolutePath();
        this.tmp = this.target.resolveSibling("." + this.target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        this.parquet = parquet;
    }

    /** A writer of {@code file}: {@code .parquet} or {@code .csv}; nothing is written before the first table. */
    public static TableFileWriter open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".parquet") && !name.endsWith(".csv")) {
            throw new InvalidParameterException(
                    "output file " + file + " has an unknown format: expected .parquet or .csv");
        }
        return new TableFileWriter(file, name.endsWith(".parquet"));
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Appends the rows of {@code table}, whose columns must be those of the first table, in order. */
    public void write(Table table) {
        try {
            if (names == null) {
                start(table);
            }
            List<String> got = table.columnNames();
            if (!got.equals(names)) {
                throw new DataException(
                        "output " + target + ": a chunk has the columns " + got + ", the file has " + names);
            }
            for (int r = 0; r < table.rowCount(); r++) {
                if (parquet) {
                    parquetWriter.write(new Row(table, r));
                } else {
                    csvRow(table, r);
                }
            }
            rows += table.rowCount();
        } catch (IOException e) {
            throw new StorageException("cannot write " + target + ": " + e, e);
        }
    }

    /** Finishes the file and moves it into place. */
    public void commit() {
        try {
            finish();
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new StorageException("cannot write " + target + ": " + e, e);
        }
    }

    /** Deletes the temporary file unless {@link #commit} moved it into place. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            finish(); // a failure here is added to the caller's own as suppressed (try-with-resources)
        } catch (IOException e) {
            throw new StorageException("cannot close the partial output " + tmp + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                throw new StorageException("cannot delete the partial output " + tmp + ": " + e, e);
            }
        }
    }

    private void finish() throws IOException {
        if (names == null) {
            start(Table.create("empty"));
        }
        if (csv != null) {
            csv.close();
            csv = null;
        }
        if (parquetWriter != null) {
            parquetWriter.close();
            parquetWriter = null;
        }
    }

    private void start(Table table) throws IOException {
        Files.createDirectories(target.getParent());
        names = table.columnNames();
        if (parquet) {
            List<Type> fields = new ArrayList<>();
            types = new ArrayList<>();
            for (Column<?> c : table.columns()) {
                Type t = parquetType(c);
                fields.add(t);
                types.add(t.asPrimitiveType().getPrimitiveTypeName());
            }
            parquetWriter = ParquetWriter.writeFile(new MessageType("schema", fields), tmp.toFile(), dehydrator());
        } else {
            csv = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
            for (int k = 0; k < names.size(); k++) {
                if (k > 0) {
                    csv.write(',');
                }
                csv.write(quoted(names.get(k)));
            }
            csv.write('\n');
        }
    }

    private void csvRow(Table table, int r) throws IOException {
        for (int k = 0; k < names.size(); k++) {
            if (k > 0) {
                csv.write(',');
            }
            Column<?> c = table.column(k);
            if (c.isMissing(r)) {
                continue;
            }
            Object v = c.get(r);
            if (v instanceof LocalDateTime t) {
                csv.write(TIMESTAMP.format(t));
            } else if (v instanceof String s) {
                csv.write(quoted(s));
            } else {
                csv.write(String.valueOf(v));
            }
        }
        csv.write('\n');
    }

    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private Type parquetType(Column<?> c) {
        if (c instanceof DateTimeColumn) {
            return Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(c.name());
        }
        if (c instanceof LongColumn) {
            return Types.optional(PrimitiveTypeName.INT64).named(c.name());
        }
        if (c instanceof IntColumn) {
            return Types.optional(PrimitiveTypeName.INT32).named(c.name());
        }
        if (c instanceof FloatColumn) {
            return Types.optional(PrimitiveTypeName.FLOAT).named(c.name());
        }
        if (c instanceof NumberColumn<?, ?>) {
            return Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        }
        if (c instanceof BooleanColumn) {
            return Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
        }
        if (c instanceof StringColumn) {
            return Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(c.name());
        }
        throw new DataException("output " + target + ": column '" + c.name() + "' has type " + c.type()
                + ", which Parquet output lacks");
    }

    private Dehydrator<Row> dehydrator() {
        return (row, writer) -> {
            for (int k = 0; k < names.size(); k++) {
                Column<?> c = row.table().column(k);
                if (c.isMissing(row.row())) {
                    continue;
                }
                Object v = c.get(row.row());
                if (v instanceof LocalDateTime t) {
                    v = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000L;
                }
                PrimitiveTypeName type = types.get(k);
                if (v instanceof Number n) {
                    v = switch (type) {
                        case INT64 -> exact(n, n.longValue(), k, row.row());
                        case INT32 -> exact(n, n.intValue(), k, row.row());
                        case FLOAT -> n.floatValue();
                        case DOUBLE -> n.doubleValue();
                        default -> throw changed(k, row.row(), v);
                    };
                } else if (type != PrimitiveTypeName.BINARY && type != PrimitiveTypeName.BOOLEAN) {
                    throw changed(k, row.row(), v);
                }
                writer.write(names.get(k), v);
            }
        };
    }

    private Number exact(Number n, Number narrowed, int column, int row) {
        if (n.doubleValue() != narrowed.doubleValue()) {
            throw changed(column, row, n);
        }
        return narrowed;
    }

    private DataException changed(int column, int row, Object value) {
        return new DataException("output " + target + ": column '" + names.get(column) + "' is "
                + types.get(column) + " from its first rows, but row " + (rows + row) + " holds " + value
                + "; write CSV instead, or give the input file consistent types");
    }
}
