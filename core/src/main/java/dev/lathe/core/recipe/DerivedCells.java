package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.features.CategoricalColumn;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.times.PackedLocalTime;

/** The cells of a {@link DerivedColumn}, computed from the cells of its sources. */
abstract class DerivedCells implements Cells {
    private final String name;
    private final String source;

    private DerivedCells(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /** Cells of {@code column} over {@code inputs} (the resolved cells of its sources, in order) for {@code rows} rows. */
    static Cells of(DerivedColumn column, List<Cells> inputs, int rows, String source) {
        if (column instanceof DerivedColumn.Concat c) {
            return new Joined(c.name(), inputs, source);
        }
        if (column instanceof DerivedColumn.MinutesBetween m) {
            return new Minutes(m.name(), inputs.get(0), inputs.get(1), rows, source);
        }
        if (column instanceof DerivedColumn.AsText t) {
            return new Text(t.name(), inputs.get(0), source);
        }
        throw new LatheException("derived column '" + column.name() + "' of kind " + column.function()
                + " is resolved by the table view, not computed");
    }

    /** Minutes from {@code start} to {@code end}, exact to the nanosecond: (seconds + nanos / 1e9) / 60. */
    static double minutesBetween(LocalDateTime start, LocalDateTime end) {
        Duration d = Duration.between(start, end);
        return (d.getSeconds() + d.getNano() / 1e9) / 60.0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double number(int row) {
        return isMissing(row) ? Double.NaN : CellValues.parse(text(row), source, name, row);
    }

    @Override
    public LocalDateTime time(int row) {
        throw new DataException(source + ": derived column '" + name + "' does not hold timestamps");
    }

    private static final class Joined extends DerivedCells {
        private final List<Cells> parts;

        Joined(String name, List<Cells> parts, String source) {
            super(name, source);
            this.parts = List.copyOf(parts);
        }

        @Override
        public boolean isMissing(int row) {
            return false;
        }

        @Override
        public String text(int row) {
            StringBuilder s = new StringBuilder(parts.get(0).text(row));
            for (int i = 1; i < parts.size(); i++) {
                s.append(DerivedColumn.Concat.SEPARATOR).append(parts.get(i).text(row));
            }
            return s.toString();
        }

        @Override
        public CategoricalColumn categories(int rows) {
            return CategoryCodes.joined(
                    parts.stream().map(p -> p.categories(rows)).toList(), DerivedColumn.Concat.SEPARATOR);
        }
    }

    private static final class Text extends DerivedCells {
        private final Cells of;

        Text(String name, Cells of, String source) {
            super(name, source);
            this.of = of;
        }

        @Override
        public boolean isMissing(int row) {
            return of.isMissing(row);
        }

        @Override
        public String text(int row) {
            return of.text(row);
        }

        @Override
        public CategoricalColumn categories(int rows) {
            return of.categories(rows);
        }
    }

    private static final class Minutes extends DerivedCells {
        private final Cells start;
        private final Cells end;

        private final int rows;

        Minutes(String name, Cells start, Cells end, int rows, String source) {
            super(name, source);
            this.start = start;
            this.end = end;
            this.rows = rows;
        }

        @Override
        public boolean isMissing(int row) {
            return start.isMissing(row) || end.isMissing(row);
        }

        /** Computed for every row on first use: filters and the target read each row's value again. */
        private double[] minutes;

        @Override
        public double number(int row) {
            if (minutes == null) {
                minutes = packed(start, end, rows);
            }
            if (minutes == null) {
                minutes = new double[rows];
                for (int i = 0; i < rows; i++) {
                    minutes[i] = isMissing(i) ? Double.NaN : minutesBetween(start.time(i), end.time(i));
                }
            }
            return minutes[row];
        }

        /**
         * The minutes straight from two timestamp columns' packed values (millisecond precision), as
         * {@link #minutesBetween} computes them, without a {@code LocalDateTime} per cell; null when either
         * input is not such a column.
         */
        private static double[] packed(Cells start, Cells end, int rows) {
            DateTimeColumn from = start instanceof RawCells s ? s.packedTimes() : null;
            DateTimeColumn to = end instanceof RawCells e ? e.packedTimes() : null;
            if (from == null || to == null) {
                return null;
            }
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                long a = from.getLongInternal(i);
                long b = to.getLongInternal(i);
                if (DateTimeColumn.valueIsMissing(a) || DateTimeColumn.valueIsMissing(b)) {
                    out[i] = Double.NaN;
                    continue;
                }
                long millis = epochMillis(b) - epochMillis(a);
                long seconds = Math.floorDiv(millis, 1000L);
                long nanos = Math.floorMod(millis, 1000L) * 1_000_000L;
                out[i] = (seconds + nanos / 1e9) / 60.0;
            }
            return out;
        }

        private static long epochMillis(long packed) {
            return PackedLocalDate.toEpochDay(PackedLocalDateTime.date(packed)) * 86_400_000L
                    + PackedLocalTime.getMillisecondOfDay(PackedLocalDateTime.time(packed));
        }

        @Override
        public String text(int row) {
            return isMissing(row) ? CellValues.MISSING : CellValues.formatNumber(number(row));
        }
    }
}
