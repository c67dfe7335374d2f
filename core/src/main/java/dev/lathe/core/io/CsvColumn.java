package dev.lathe.core.io;

import dev.lathe.core.DataException;
import java.nio.file.Path;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One CSV column being filled: each cell is parsed from its bytes straight into a primitive-backed
 * Tablesaw column of the column's type; an empty cell is missing. An inferred column that meets a value
 * it cannot hold widens (INT to LONG to DOUBLE to TEXT, its values converted; numbers widened to text
 * print as Java does); a declared column fails instead, naming the file, column, line and value.
 */
abstract class CsvColumn {
    final Path file;
    final String name;
    final boolean declared;
    private final Column<?> column;
    private final long bytesPerRow;

    CsvColumn(Path file, String name, boolean declared, Column<?> column, long bytesPerRow) {
        this.file = file;
        this.name = name;
        this.declared = declared;
        this.column = column;
        this.bytesPerRow = bytesPerRow;
    }

    /** An empty column of {@code type}; {@code declared}: the caller stated the type (no widening). */
    static CsvColumn of(Path file, String name, CellType type, boolean declared) {
        return switch (type) {
            case INT -> new Ints(file, name, declared, IntColumn.create(name));
            case LONG -> new Longs(file, name, declared, LongColumn.create(name));
            case DOUBLE -> new Doubles(file, name, declared, DoubleColumn.create(name));
            case TIMESTAMP -> new Timestamps(file, name, DateTimeColumn.create(name));
            case TEXT -> new Texts(file, name, declared, StringColumn.create(name));
        };
    }

    /** An empty column of this one's name and (possibly widened) type, for the next chunk of a file. */
    final CsvColumn emptyCopy() {
        CellType type;
        if (column instanceof IntColumn) {
            type = CellType.INT;
        } else if (column instanceof LongColumn) {
            type = CellType.LONG;
        } else if (column instanceof DoubleColumn) {
            type = CellType.DOUBLE;
        } else if (column instanceof DateTimeColumn) {
            type = CellType.TIMESTAMP;
        } else {
            type = CellType.TEXT;
        }
        return of(file, name, type, declared);
    }

    /** Appends the cell {@code b[s..e)} read on {@code line}; returns this column, or the wider one that holds it. */
    final CsvColumn append(byte[] b, int s, int e, long line) {
        if (s == e) {
            appendMissing();
            return this;
        }
        return appendValue(b, s, e, line);
    }

    abstract CsvColumn appendValue(byte[] b, int s, int e, long line);

    final void appendMissing() {
        column.appendMissing();
    }

    final Column<?> column() {
        return column;
    }

    /** Bytes one row of this column takes in the heap (for {@link HeapLimit}). */
    final long bytesPerRow() {
        return bytesPerRow;
    }

    /** The column as text, or the error a declared column gives for a value of another type. */
    final CsvColumn widen(CellType to, byte[] b, int s, int e, long line, String expected) {
        if (declared) {
            throw new DataException(String.format(
                    "%s: column '%s', line %d: '%s' is not %s", file, name, line, ByteCells.text(b, s, e), expected));
        }
        CsvColumn wider = of(file, name, to, false);
        Column<?> old = column();
        for (int i = 0; i < old.size(); i++) {
            if (old.isMissing(i)) {
                wider.appendMissing();
            } else {
                String text = old instanceof DoubleColumn d ? Double.toString(d.getDouble(i)) : old.getString(i);
                byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                wider.appendValue(t, 0, t.length, line);
            }
        }
        return wider.appendValue(b, s, e, line);
    }

    private static final class Ints extends CsvColumn {
        private final IntColumn column;

        Ints(Path file, String name, boolean declared, IntColumn column) {
            super(file, name, declared, column, Integer.BYTES);
            this.column = column;
        }

        @Override
        CsvColumn appendValue(byte[] b, int s, int e, long line) {
            CellType fits = ByteCells.numericType(b, s, e);
            if (fits == CellType.INT) {
                column.append((int) ByteCells.integer(b, s, e));
                return this;
            }
            return widen(fits, b, s, e, line, "a 32-bit integer");
        }
    }

    private static final class Longs extends CsvColumn {
        private final LongColumn column;

        Longs(Path file, String name, boolean declared, LongColumn column) {
            super(file, name, declared, column, Long.BYTES);
            this.column = column;
        }

        @Override
        CsvColumn appendValue(byte[] b, int s, int e, long line) {
            if (ByteCells.isInteger(b, s, e)) {
                column.append(ByteCells.integer(b, s, e));
                return this;
            }
            CellType fits = ByteCells.numericType(b, s, e);
            return widen(fits == CellType.TEXT ? CellType.TEXT : CellType.DOUBLE, b, s, e, line, "an integer");
        }
    }

    private static final class Doubles extends CsvColumn {
        private final DoubleColumn column;

        Doubles(Path file, String name, boolean declared, DoubleColumn column) {
            super(file, name, declared, column, Double.BYTES);
            this.column = column;
        }

        @Override
        CsvColumn appendValue(byte[] b, int s, int e, long line) {
            double v = ByteCells.decimal(b, s, e);
            if (Double.isNaN(v) && !ByteCells.isNaNText(b, s, e)) {
                return widen(CellType.TEXT, b, s, e, line, "a number");
            }
            column.append(v);
            return this;
        }
    }

    private static final class Timestamps extends CsvColumn {
        private final DateTimeColumn column;

        Timestamps(Path file, String name, DateTimeColumn column) {
            super(file, name, true, column, Long.BYTES);
            this.column = column;
        }

        @Override
        CsvColumn appendValue(byte[] b, int s, int e, long line) {
            long packed = ByteCells.timestamp(b, s, e);
            if (packed == ByteCells.NOT_A_TIMESTAMP) {
                throw new DataException(String.format(
                        "%s: column '%s', data row %d (line %d): malformed timestamp '%s' (expected %s)",
                        file,
                        name,
                        column.size() + 1,
                        line,
                        ByteCells.text(b, s, e).trim(),
                        TimestampText.EXPECTED));
            }
            column.appendInternal(packed);
            return this;
        }
    }

    private static final class Texts extends CsvColumn {
        private final StringColumn column;

        Texts(Path file, String name, boolean declared, StringColumn column) {
            super(file, name, declared, column, Integer.BYTES);
            this.column = column;
        }

        @Override
        CsvColumn appendValue(byte[] b, int s, int e, long line) {
            column.append(Utf8Cells.text(file, name, line, b, s, e));
            return this;
        }
    }
}
