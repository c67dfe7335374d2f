package dev.lathe.tlc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.TlcFiles;
import dev.lathe.core.features.FeatureFrame;
import dev.lathe.core.recipe.PrepReport;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class TlcDurationRecipeTest {
    private static final double EXACT = 0.0;

    @Test
    void raw2023MonthsKeepTheCourseRowCounts() {
        TrainValid tv = TrainValid.load(
                TlcFiles.path("green_tripdata_2023-01.parquet"),
                TlcFiles.path("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        assertEquals(68211, tv.trainReport().rowsRead());
        assertEquals(64809, tv.validReport().rowsRead());
        assertEquals(65946, tv.train().rows());
        assertEquals(62574, tv.valid().rows());
        assertEquals(5702, tv.train().featureCount());
        assertEquals(5702, tv.valid().featureCount());
        for (PrepReport r : List.of(tv.trainReport(), tv.validReport())) {
            assertEquals(r.rowsRead(), r.rowsKept() + r.rowsRemoved(), "nothing dropped silently in " + r);
        }
        assertEquals(1645L, tv.trainReport().removedBy().get("duration < 1 min"));
        assertEquals(620L, tv.trainReport().removedBy().get("duration > 60 min"));
    }

    @Test
    void pandasReExportsAreAlreadyFiltered() {
        TrainValid tv = TrainValid.load(
                TlcFiles.path("green_tripdata_2021-01.parquet"),
                TlcFiles.path("green_tripdata_2021-02.parquet"),
                TlcRecipes.course());
        assertEquals(73908, tv.train().rows());
        assertEquals(61921, tv.valid().rows());
        assertEquals(0, tv.trainReport().rowsRemoved());
        assertEquals(13221, tv.train().featureCount());
    }

    @Test
    void csvAndParquetGiveTheSameDataset() {
        Recipe recipe = TlcRecipes.course();
        PreparedTable pq = TrainValid.prepare(recipe, TlcFiles.path("green_tripdata_2023-01.parquet"));
        PreparedTable csv = TrainValid.prepare(recipe, TlcFiles.path("green_tripdata_2023-01.csv.gz"));
        assertArrayEquals(pq.target(), csv.target(), EXACT);
        assertArrayEquals(
                pq.features().categorical().get("PU_DO"),
                csv.features().categorical().get("PU_DO"));
    }

    @Test
    void durationPuDoAndFiltersOnAHandBuiltTable() {
        Table t = trips("tpep", new int[] {10, 0, 90, 30}, new double[] {1.5, 2.0, 3.0, 0.0});
        PreparedTable p = TlcRecipes.course().prepare(t, "hand.csv");
        assertEquals(2, p.rows());
        assertArrayEquals(new double[] {10.0, 30.0}, p.target(), EXACT);
        assertArrayEquals(
                new String[] {"100_200", "103_203"}, p.features().categorical().get("PU_DO"));
        assertArrayEquals(new double[] {1.5, 0.0}, p.features().numerical().get("trip_distance"), EXACT);
        assertEquals(1L, p.report().removedBy().get("duration < 1 min"));
        assertEquals(1L, p.report().removedBy().get("duration > 60 min"));
    }

    @Test
    void impossibleDistancesAreRemovedAndCountedNotFitted() {
        double[] distance = {2.5, -3.0, 1e308, Double.NaN, 1.0e7, TlcRecipes.COURSE_MAX_MILES, 0.0, -1e-9};
        Table t = trips("lpep", new int[] {10, 11, 12, 13, 14, 15, 16, 17}, distance);
        PreparedTable p = TlcRecipes.course().prepare(t, "far.csv");
        assertArrayEquals(
                new double[] {2.5, TlcRecipes.COURSE_MAX_MILES, 0.0},
                p.features().numerical().get("trip_distance"),
                EXACT);
        assertEquals(1L, p.report().removedBy().get("missing trip_distance"));
        assertEquals(4L, p.report().removedBy().get(TlcRecipes.distanceFilterLabel()));
        assertEquals(8, p.report().rowsKept() + p.report().rowsRemoved());
    }

    @Test
    void fractionalMinutesAreExact() {
        DateTimeColumn pu = DateTimeColumn.create("lpep_pickup_datetime");
        DateTimeColumn dropoff = DateTimeColumn.create("lpep_dropoff_datetime");
        pu.append(LocalDateTime.of(2023, 1, 1, 0, 0, 0));
        dropoff.append(LocalDateTime.of(2023, 1, 1, 0, 1, 1, 500_000_000));
        Table t = Table.create(
                "t",
                pu,
                dropoff,
                LongColumn.create("PULocationID", new long[] {1}),
                LongColumn.create("DOLocationID", new long[] {2}));
        t.addColumns(DoubleColumn.create("trip_distance", new double[] {1.0}));
        assertArrayEquals(
                new double[] {61.5 / 60.0}, TlcRecipes.course().prepare(t, "t").target(), EXACT);
    }

    @Test
    void everyRowFilteredOutIsAClearError() {
        Table t = trips("lpep", new int[] {0, 120}, new double[] {1, 1});
        LatheException e =
                assertThrows(LatheException.class, () -> TlcRecipes.course().prepare(t, "empty.parquet"));
        assertTrue(e.getMessage().contains("empty.parquet"), e.getMessage());
        assertTrue(e.getMessage().contains("every row was removed"), e.getMessage());
    }

    @Test
    void missingTimestampColumnsListWhatIsThere() {
        Table t = Table.create("x", LongColumn.create("PULocationID", new long[] {1}));
        LatheException e =
                assertThrows(LatheException.class, () -> TlcRecipes.course().prepare(t, "no_ts.parquet"));
        assertTrue(e.getMessage().contains("no_ts.parquet"), e.getMessage());
        assertTrue(e.getMessage().contains("lpep_pickup_datetime"), e.getMessage());
        assertTrue(e.getMessage().contains("PULocationID"), e.getMessage());
    }

    @Test
    void missingFeatureColumnIsNamed() {
        Table t = trips("lpep", new int[] {10}, new double[] {1});
        t.removeColumns("trip_distance");
        LatheException e =
                assertThrows(LatheException.class, () -> TlcRecipes.course().prepare(t, "f.parquet"));
        assertTrue(e.getMessage().contains("'trip_distance'"), e.getMessage());
    }

    @Test
    void configIsValidated() {
        LatheException e = assertThrows(
                LatheException.class, () -> TlcRecipes.duration(List.of("PU_DO"), List.of("trip_distance"), 60, 1));
        assertTrue(e.getMessage().contains("minMinutes=60.0, maxMinutes=1.0"), e.getMessage());
        assertThrows(LatheException.class, () -> TlcRecipes.duration(List.of("a"), List.of("a")));
        assertThrows(LatheException.class, () -> TlcRecipes.duration(List.of(), List.of()));
    }

    @Test
    void singleRecordFeaturesMatchTheTablePath() {
        FeatureFrame f = TlcRecipes.course()
                .features(Map.of("PULocationID", 166L, "DOLocationID", "143", "trip_distance", 2.58));
        assertArrayEquals(new String[] {"166_143"}, f.categorical().get("PU_DO"));
        assertArrayEquals(new double[] {2.58}, f.numerical().get("trip_distance"), EXACT);
    }

    private static Table trips(String prefix, int[] minutes, double[] distance) {
        LocalDateTime start = LocalDateTime.of(2023, 1, 1, 8, 0);
        DateTimeColumn pu = DateTimeColumn.create(prefix + "_pickup_datetime");
        DateTimeColumn dropoff = DateTimeColumn.create(prefix + "_dropoff_datetime");
        LongColumn puId = LongColumn.create("PULocationID");
        LongColumn doId = LongColumn.create("DOLocationID");
        for (int i = 0; i < minutes.length; i++) {
            pu.append(start);
            dropoff.append(start.plusMinutes(minutes[i]));
            puId.append(100 + i);
            doId.append(200 + i);
        }
        return Table.create("t", pu, dropoff, puId, doId, DoubleColumn.create("trip_distance", distance));
    }
}
