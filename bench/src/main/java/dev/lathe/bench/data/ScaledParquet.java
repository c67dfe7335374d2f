package dev.lathe.bench.data;

import blue.strategic.parquet.Dehydrator;
import blue.strategic.parquet.ParquetWriter;
import dev.lathe.core.io.TableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a TLC-shaped Parquet file of ROWS rows for scaling benchmarks, copying the bundled green
 * months again and again (as {@code make_scaled_csv.py} does for CSV): copy k adds k * 0.001 miles to
 * trip_distance, so that rows of different copies differ; every other value is as published.
 * Usage: {@code bench/run.sh dev.lathe.bench.data.ScaledParquet ROWS OUT.parquet [SOURCE.parquet ...]}.
 */
public final class ScaledParquet {
    private static final String DISTANCE = "trip_distance";

    private ScaledParquet() {}

    /** One row to write: a row of a source month in a given copy. */
    private record Row(Table source, int row, int copy) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScaledParquet ROWS OUT.parquet [SOURCE.parquet ...]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        List<Path> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sources.add(Path.of(args[i]));
        }
        if (sources.isEmpty()) {
            sources.add(Path.of("data/tlc/green_tripdata_2023-01.parquet"));
            sources.add(Path.of("data/tlc/green_tripdata_2023-02.parquet"));
        }
        List<Table> tables = new ArrayList<>();
        for (Path s : sources) {
            tables.add(TableReader.read(s));
        }
        MessageType schema = schemaOf(tables.get(0));
        Files.deleteIfExists(out);
        long t0 = System.nanoTime();
        long written = 0;
        int copy = 0;
        try (ParquetWriter<Row> writer = ParquetWriter.writeFile(schema, out.toFile(), dehydrator(schema))) {
            while (written < rows) {
                for (Table t : tables) {
                    for (int r = 0; r < t.rowCount() && written < rows; r++) {
                        writer.write(new Row(t, r, copy));
                        written++;
                    }
                    copy++;
                    if (written >= rows) {
                        break;
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %,d rows from %d source file(s), %d copies, %,d bytes, %.1f s%n",
                out,
                written,
                sources.size(),
                copy,
                Files.size(out),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Each column of the source, optional, as the type Lathe read it as (timestamps in microseconds). */
    static MessageType schemaOf(Table table) {
        List<Type> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b;
            if (c instanceof DateTimeColumn) {
                b = Types.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
            } else if (c instanceof LongColumn) {
                b = Types.optional(PrimitiveTypeName.INT64);
            } else if (c instanceof IntColumn) {
                b = Types.optional(PrimitiveTypeName.INT32);
            } else if (c instanceof DoubleColumn) {
                b = Types.optional(PrimitiveTypeName.DOUBLE);
            } else if (c instanceof StringColumn) {
                b = Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
            } else {
                throw new IllegalArgumentException("column " + c.name() + " has unsupported type " + c.type());
            }
            fields.add(b.named(c.name()));
        }
        return new MessageType("schema", fields);
    }

    private static Dehydrator<Row> dehydrator(MessageType schema) {
        List<String> names = new ArrayList<>();
        List<PrimitiveTypeName> types = new ArrayList<>();
        schema.getFields().forEach(f -> {
            names.add(f.getName());
            types.add(f.asPrimitiveType().getPrimitiveTypeName());
        });
        return (row, writer) -> {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(k);
                Column<?> c = row.source().column(name);
                if (c.isMissing(row.row())) {
                    continue;
                }
                Object v;
                if (c instanceof DateTimeColumn dt) {
                    LocalDateTime t = dt.get(row.row());
                    v = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000L;
                } else if (name.equals(DISTANCE) && row.copy() > 0) {
                    double d = ((DoubleColumn) c).getDouble(row.row()) + row.copy() * 0.001;
                    v = Math.round(d * 1e6) / 1e6;
                } else {
                    v = c.get(row.row());
                }
                // Months may store a column with different widths: write each as the schema's type.
                if (v instanceof Number n) {
                    v = switch (types.get(k)) {
                        case INT64 -> n.longValue();
                        case INT32 -> n.intValue();
                        case DOUBLE -> n.doubleValue();
                        default -> v;
                    };
                }
                writer.write(name, v);
            }
        };
    }
}
