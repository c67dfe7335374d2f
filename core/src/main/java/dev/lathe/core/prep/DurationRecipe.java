package dev.lathe.core.prep;

import dev.lathe.core.LatheException;
import dev.lathe.core.features.FeatureFrame;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The NYC TLC trip-duration recipe: duration in minutes = (dropoff - pickup) seconds / 60, keep rows
 * inside the configured window, derive PU/DO ids as strings and {@code PU_DO}, and collect the configured
 * categorical and numerical features. Every removed row is counted under the filter that removed it.
 */
public final class DurationRecipe {
    /** Name of the target column in the prepared table. */
    public static final String TARGET = "duration";

    static final String PU = "PULocationID";
    static final String DO = "DOLocationID";

    private final PrepConfig config;

    public DurationRecipe(PrepConfig config) {
        this.config = config;
    }

    public PrepConfig config() {
        return config;
    }

    /** The raw columns the recipe reads (timestamps and feature sources), for column projection. */
    public Set<String> columnsNeeded() {
        Set<String> names = new LinkedHashSet<>(TimestampColumns.allNames());
        for (String f : config.categorical()) {
            names.addAll(sourcesOf(f));
        }
        names.addAll(config.numerical());
        return names;
    }

    /** Applies the recipe to a table read from {@code source} (a file name, used in messages). */
    public PreparedTrips prepare(Table raw, String source) {
        TimestampColumns ts = TimestampColumns.detect(raw, source);
        DateTimeColumn pickup = dateTimes(raw, ts.pickup(), source);
        DateTimeColumn dropoff = dateTimes(raw, ts.dropoff(), source);
        for (String f : config.categorical()) {
            for (String col : sourcesOf(f)) {
                requireColumn(raw, col, source);
            }
        }
        config.numerical().forEach(col -> requireColumn(raw, col, source));

        int n = raw.rowCount();
        Map<String, Long> removed = new LinkedHashMap<>();
        String missingTs = "missing pickup or dropoff timestamp";
        String tooShort = "duration < " + fmt(config.minMinutes()) + " min";
        String tooLong = "duration > " + fmt(config.maxMinutes()) + " min";
        removed.put(missingTs, 0L);
        removed.put(tooShort, 0L);
        removed.put(tooLong, 0L);
        for (String col : config.numerical()) {
            removed.put("missing " + col, 0L);
        }

        int[] keep = new int[n];
        double[] minutes = new double[n];
        int kept = 0;
        rows:
        for (int i = 0; i < n; i++) {
            if (pickup.isMissing(i) || dropoff.isMissing(i)) {
                removed.merge(missingTs, 1L, Long::sum);
                continue;
            }
            double d = minutesBetween(pickup.get(i), dropoff.get(i));
            if (!(d >= config.minMinutes())) {
                removed.merge(tooShort, 1L, Long::sum);
                continue;
            }
            if (d > config.maxMinutes()) {
                removed.merge(tooLong, 1L, Long::sum);
                continue;
            }
            for (String col : config.numerical()) {
                if (Double.isNaN(CellValues.numerical(raw.column(col), i, source))) {
                    removed.merge("missing " + col, 1L, Long::sum);
                    continue rows;
                }
            }
            keep[kept] = i;
            minutes[kept++] = d;
        }
        if (kept == 0) {
            throw new LatheException(source + ": every row was removed by the filters (read " + n + ", removed "
                    + removed + "): nothing left to train or evaluate on");
        }
        double[] target = java.util.Arrays.copyOf(minutes, kept);
        Map<String, String[]> cat = new LinkedHashMap<>();
        for (String f : config.categorical()) {
            cat.put(f, categoricalValues(raw, f, keep, kept));
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        for (String col : config.numerical()) {
            double[] v = new double[kept];
            Column<?> c = raw.column(col);
            for (int k = 0; k < kept; k++) {
                v[k] = CellValues.numerical(c, keep[k], source);
            }
            num.put(col, v);
        }
        FeatureFrame frame = new FeatureFrame(cat, num, kept);
        PrepReport report = new PrepReport(source, n, removed, kept);
        return new PreparedTrips(toTable(source, target, frame), frame, target, report);
    }

    /**
     * Features of every row of a raw table, for batch scoring: no duration filter (dropoff times may be
     * absent), but a row without a numerical feature is an error naming the source, column and row.
     */
    public FeatureFrame featuresOf(Table raw, String source) {
        int n = raw.rowCount();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        Map<String, String[]> cat = new LinkedHashMap<>();
        for (String f : config.categorical()) {
            sourcesOf(f).forEach(col -> requireColumn(raw, col, source));
            cat.put(f, categoricalValues(raw, f, all, n));
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        for (String col : config.numerical()) {
            requireColumn(raw, col, source);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = CellValues.numerical(raw.column(col), i, source);
                if (Double.isNaN(v[i])) {
                    throw new LatheException(source + ": column '" + col + "', data row " + (i + 1)
                            + ": value is missing; every scored row needs it");
                }
            }
            num.put(col, v);
        }
        return new FeatureFrame(cat, num, n);
    }

    /** Features of one raw trip record (keys as in the files: PULocationID, DOLocationID, trip_distance...). */
    public FeatureFrame featuresOf(Map<String, ?> record) {
        Map<String, String> cat = new LinkedHashMap<>();
        for (String f : config.categorical()) {
            List<String> parts = new ArrayList<>();
            for (String col : sourcesOf(f)) {
                LatheException.check(
                        record.containsKey(col), "record: field '%s' is missing (needed for feature '%s')", col, f);
                parts.add(CellValues.categorical(record.get(col)));
            }
            cat.put(f, String.join("_", parts));
        }
        Map<String, Double> num = new LinkedHashMap<>();
        for (String col : config.numerical()) {
            LatheException.check(record.containsKey(col), "record: field '%s' is missing", col);
            double v = CellValues.numerical(record.get(col), col);
            LatheException.check(!Double.isNaN(v), "record: field '%s' must be a number, got %s", col, record.get(col));
            num.put(col, v);
        }
        return FeatureFrame.single(cat, num);
    }

    static double minutesBetween(LocalDateTime pickup, LocalDateTime dropoff) {
        Duration d = Duration.between(pickup, dropoff);
        return (d.getSeconds() + d.getNano() / 1e9) / 60.0;
    }

    private static List<String> sourcesOf(String feature) {
        return PrepConfig.PU_DO.equals(feature) ? List.of(PU, DO) : List.of(feature);
    }

    private static String[] categoricalValues(Table raw, String feature, int[] keep, int kept) {
        List<String> sources = sourcesOf(feature);
        String[] out = new String[kept];
        if (sources.size() == 1) {
            Column<?> c = raw.column(sources.get(0));
            for (int k = 0; k < kept; k++) {
                out[k] = CellValues.categorical(c, keep[k]);
            }
            return out;
        }
        Column<?> pu = raw.column(sources.get(0));
        Column<?> dropoffId = raw.column(sources.get(1));
        for (int k = 0; k < kept; k++) {
            out[k] = CellValues.categorical(pu, keep[k]) + "_" + CellValues.categorical(dropoffId, keep[k]);
        }
        return out;
    }

    private static Table toTable(String source, double[] target, FeatureFrame frame) {
        Table t = Table.create(source);
        t.addColumns(DoubleColumn.create(TARGET, target));
        frame.categorical().forEach((name, values) -> t.addColumns(StringColumn.create(name, values)));
        frame.numerical().forEach((name, values) -> t.addColumns(DoubleColumn.create(name, values)));
        return t;
    }

    private static DateTimeColumn dateTimes(Table raw, String name, String source) {
        Column<?> c = raw.column(name);
        if (c instanceof DateTimeColumn dt) {
            return dt;
        }
        throw new LatheException(source + ": column '" + name + "' must hold timestamps, but has type " + c.type());
    }

    private static void requireColumn(Table raw, String name, String source) {
        if (!raw.containsColumn(name)) {
            throw new LatheException(
                    source + ": required column '" + name + "' is missing; columns present: " + raw.columnNames());
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
