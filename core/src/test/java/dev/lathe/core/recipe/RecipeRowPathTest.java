package dev.lathe.core.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.features.FeatureFrame;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The scoring server's row path ({@link ColumnValues}, no Tablesaw table) is the same function as the
 * table path: over random requests (columns typed as whole numbers, numbers or text; missing cells as
 * null, {@link Long#MIN_VALUE}, NaN and empty text; categories the encoder never saw; bad numbers and
 * timestamps; absent columns) both give bit-identical encoded rows, or both fail with the same exception
 * and message. Derived columns of every kind are on the way (text, concat, minutes_between, first_of).
 * The embedded API's one row (column name -> Java value) takes the same path, and reads as the one-row
 * Tablesaw table it was read as before.
 */
class RecipeRowPathTest {
    private static final Recipe RECIPE = Recipe.builder("duration")
            .categorical("PU", "PU_DO", "kind")
            .numerical("trip_distance", "minutes")
            .derive(new DerivedColumn.AsText("PU", "PULocationID"))
            .derive(new DerivedColumn.Concat("PU_DO", List.of("PULocationID", "DOLocationID")))
            .derive(new DerivedColumn.FirstOf("start", List.of("lpep_pickup", "tpep_pickup")))
            .derive(new DerivedColumn.MinutesBetween("minutes", "start", "dropoff"))
            .build();

    /** Fitted on a vocabulary that holds some of the generated categories, not all. */
    private static final DictVectorizer ENCODER = DictVectorizer.fit(new FeatureFrame(
            Map.of(
                    "PU", new String[] {"1", "2", "166", "nan"},
                    "PU_DO", new String[] {"1_2", "166_143", "nan_2", "2_nan"},
                    "kind", new String[] {"a", "b", "nan", "a"}),
            Map.of("trip_distance", new double[] {1, 2, 3, 4}, "minutes", new double[] {5, 6, 7, 8}),
            4));

    @Property(tries = 600)
    void theRowPathEncodesEveryRequestAsTheTablePathDoes(@ForAll long seed) {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(4);
        ColumnValues values = new ColumnValues("request", rows);
        Table table = Table.create("request");
        for (String column : List.of("PULocationID", "DOLocationID", "trip_distance", "kind")) {
            if (random.nextInt(20) > 0) {
                add(values, table, column, rows, random, false);
            }
        }
        String pickup = random.nextBoolean() ? "lpep_pickup" : "tpep_pickup";
        for (String column : List.of(pickup, "dropoff")) {
            if (random.nextInt(20) > 0) {
                add(values, table, column, rows, random, true);
            }
        }
        Outcome byTable = outcome(() -> ENCODER.transform(RECIPE.features(table, "request")));
        Outcome byRow = outcome(() -> ENCODER.transform(RECIPE.features(values)));
        assertEquals(byTable.error(), byRow.error(), "seed " + seed);
        if (byTable.matrix() != null) {
            SparseMatrix a = byTable.matrix();
            SparseMatrix b = byRow.matrix();
            assertEquals(a.rows(), b.rows());
            assertArrayEquals(a.indptr(), b.indptr(), "seed " + seed);
            assertArrayEquals(a.indices(), b.indices(), "seed " + seed);
            assertArrayEquals(a.values(), b.values(), "seed " + seed); // bit for bit, NaN included
        }
    }

    @Property(tries = 600)
    void oneRowGivenAsAMapEncodesAsAOneRowTable(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, Object> row = new LinkedHashMap<>();
        String pickup = random.nextBoolean() ? "lpep_pickup" : "tpep_pickup";
        for (String column : List.of("PULocationID", "DOLocationID", "trip_distance", "kind", pickup, "dropoff")) {
            if (random.nextInt(20) > 0) {
                row.put(column, VALUES[random.nextInt(VALUES.length)]);
            }
        }
        Outcome byTable = outcome(() -> ENCODER.transform(RECIPE.features(oneRowTable(row), Recipe.ROW_SOURCE)));
        Outcome byRow = outcome(() -> ENCODER.transform(RECIPE.features(row)));
        assertEquals(byTable.error(), byRow.error(), "seed " + seed + " " + row);
        if (byTable.matrix() != null) {
            assertArrayEquals(byTable.matrix().indices(), byRow.matrix().indices(), "seed " + seed + " " + row);
            assertArrayEquals(byTable.matrix().values(), byRow.matrix().values(), "seed " + seed + " " + row);
        }
    }

    /** The Java values a caller puts in a row, timestamps with and without sub-millisecond parts. */
    private static final Object[] VALUES = {
        1L,
        166,
        (short) 143,
        (byte) 2,
        Long.MIN_VALUE,
        2.58,
        2.0f,
        Double.NaN,
        new BigDecimal("166"),
        "166",
        "a",
        "",
        "2.58",
        "x1",
        "2023-02-01 10:00:00",
        true,
        null,
        LocalDateTime.of(2023, 2, 1, 10, 0),
        LocalDateTime.of(2023, 2, 1, 10, 30, 15, 123_456_789),
        LocalDateTime.of(2023, 1, 31, 23, 59, 59, 999_999_999),
        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000)
    };

    /** How a one-row map was read before it had the row path: a one-row Tablesaw table. */
    private static Table oneRowTable(Map<String, ?> row) {
        Table t = Table.create(Recipe.ROW_SOURCE);
        row.forEach((name, value) -> t.addColumns(oneCell(name, value)));
        return t;
    }

    private static Column<?> oneCell(String name, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LongColumn.create(name, new long[] {((Number) value).longValue()});
        }
        if (value instanceof Number n) {
            return DoubleColumn.create(name, new double[] {n.doubleValue()});
        }
        if (value instanceof LocalDateTime time) {
            DateTimeColumn c = DateTimeColumn.create(name);
            c.append(time);
            return c;
        }
        StringColumn c = StringColumn.create(name);
        if (value == null) {
            c.appendMissing();
        } else {
            c.append(value.toString());
        }
        return c;
    }

    private record Outcome(SparseMatrix matrix, String error) {}

    private static Outcome outcome(Supplier<SparseMatrix> run) {
        try {
            return new Outcome(run.get(), null);
        } catch (LatheException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static final long[] LONGS = {1, 2, 166, 143, 0, -7, Long.MIN_VALUE, 1L << 60};
    private static final double[] DOUBLES = {1.0, 2.0, 166.0, 2.58, -0.5, 0.0, 1e300, Double.NaN, 1e15, 3e38};
    private static final String[] TEXTS = {
        "1",
        "2",
        "166",
        "a",
        "b",
        "2.58",
        "",
        "nan",
        " 3 ",
        "x1",
        "2023-02-01 10:00:00",
        "2023-02-01 10:30:15",
        "2023-02-01T10:30",
        "1e5"
    };

    private static void add(ColumnValues values, Table table, String name, int rows, Random random, boolean time) {
        int kind = random.nextInt(time ? 5 : 3);
        if (kind == 0) {
            long[] v = new long[rows];
            boolean[] missing = new boolean[rows];
            LongColumn c = LongColumn.create(name);
            for (int r = 0; r < rows; r++) {
                missing[r] = random.nextInt(6) == 0;
                v[r] = missing[r] ? 0 : LONGS[random.nextInt(LONGS.length)];
                if (missing[r]) {
                    c.appendMissing();
                } else {
                    c.append(v[r]);
                }
            }
            values.longs(name, v, missing);
            table.addColumns(c);
        } else if (kind == 1) {
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                v[r] = DOUBLES[random.nextInt(DOUBLES.length)];
            }
            values.doubles(name, v);
            table.addColumns(DoubleColumn.create(name, v));
        } else {
            String[] v = new String[rows];
            StringColumn c = StringColumn.create(name);
            for (int r = 0; r < rows; r++) {
                v[r] = random.nextInt(8) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)];
                if (v[r] == null) {
                    c.appendMissing();
                } else {
                    c.append(v[r]);
                }
            }
            values.texts(name, v);
            table.addColumns(c);
        }
    }
}
