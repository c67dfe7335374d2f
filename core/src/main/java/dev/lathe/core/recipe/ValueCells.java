package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.io.TimestampText;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;

/**
 * A column of {@link ColumnValues} read as {@link RawCells} reads a table column of the same type
 * (LONG, DOUBLE, STRING or LOCAL_DATE_TIME): the same categorical text, numbers, timestamps and
 * messages.
 */
abstract class ValueCells implements Cells {
    private final String name;
    private final String source;
    private final String type;

    private ValueCells(String name, String source, String type) {
        this.name = name;
        this.source = source;
        this.type = type;
    }

    static Cells of(String name, Object values, String source) {
        if (values instanceof ColumnValues.LongValues l) {
            return new ValueCells(name, source, "LONG") {
                @Override
                public boolean isMissing(int row) {
                    return l.isMissing(row);
                }

                @Override
                double present(int row) {
                    return l.values()[row];
                }

                @Override
                String printed(int row) {
                    return LongColumn.create(name, new long[] {l.values()[row]}).getString(0);
                }
            };
        }
        if (values instanceof double[] d) {
            return new ValueCells(name, source, "DOUBLE") {
                @Override
                public boolean isMissing(int row) {
                    return Double.isNaN(d[row]);
                }

                @Override
                double present(int row) {
                    return d[row];
                }

                @Override
                String printed(int row) {
                    return DoubleColumn.create(name, new double[] {d[row]}).getString(0);
                }
            };
        }
        if (values instanceof ColumnValues.TimeValues times) {
            LocalDateTime[] v = times.values();
            return new ValueCells(name, source, "LOCAL_DATE_TIME") {
                @Override
                public boolean isMissing(int row) {
                    return v[row] == null;
                }

                @Override
                public String text(int row) {
                    return isMissing(row) ? CellValues.MISSING : v[row].toString();
                }

                @Override
                double present(int row) {
                    return CellValues.parse(printed(row), source, name, row);
                }

                @Override
                String printed(int row) {
                    return DateTimeColumn.create(name, new LocalDateTime[] {v[row]})
                            .getString(0);
                }

                @Override
                public LocalDateTime time(int row) {
                    return v[row];
                }
            };
        }
        String[] t = (String[]) values;
        return new ValueCells(name, source, "STRING") {
            @Override
            public boolean isMissing(int row) {
                return t[row] == null || t[row].isEmpty();
            }

            @Override
            double present(int row) {
                return CellValues.parse(t[row], source, name, row);
            }

            @Override
            String printed(int row) {
                return t[row];
            }

            @Override
            public String text(int row) {
                return isMissing(row) ? CellValues.MISSING : t[row];
            }
        };
    }

    /** A present cell as a number (text parsed, failing as a table's text column fails). */
    abstract double present(int row);

    /** A present cell as the table prints it (only timestamp errors print numbers: a one-cell column does). */
    abstract String printed(int row);

    @Override
    public String name() {
        return name;
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? CellValues.MISSING : CellValues.formatNumber(present(row));
    }

    @Override
    public double number(int row) {
        return isMissing(row) ? Double.NaN : present(row);
    }

    @Override
    public LocalDateTime time(int row) {
        if (isMissing(row)) {
            return null;
        }
        String text = printed(row);
        try {
            return TimestampText.parse(text);
        } catch (DateTimeParseException e) {
            throw new DataException(source + ": column '" + name + "' (type " + type + "), " + CellValues.where(row)
                    + ": '" + text + "' is not a timestamp (expected " + TimestampText.EXPECTED + ")");
        }
    }
}
