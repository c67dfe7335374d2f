package dev.lathe.core.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.features.FeatureFrame;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RecipeTest {
    private static final double EXACT = 0.0;

    /** Deliveries: shop and district ids, start and end times as text, a weight and a price. */
    private static Table deliveries() {
        return Table.create(
                "deliveries.csv",
                IntColumn.create("shop", 1, 1, 2, 2, 3),
                StringColumn.create("district", "north", "south", "north", null, "east"),
                StringColumn.create(
                        "start",
                        "2024-03-01 10:00:00",
                        "2024-03-01 11:00:00",
                        "2024-03-01 12:00:00",
                        "2024-03-01 13:00:00",
                        "2024-03-01 14:00:00"),
                StringColumn.create(
                        "end",
                        "2024-03-01 10:30:00",
                        "2024-03-01 11:05:30",
                        "2024-03-01 14:00:00",
                        "2024-03-01 13:20:00",
                        "2024-03-01 14:10:00"),
                DoubleColumn.create("weight", 2.0, 0.5, Double.NaN, 4.0, 120.0),
                DoubleColumn.create("price", 10.0, -1.0, 30.0, 12.5, 8.0));
    }

    private static Recipe minutesRecipe() {
        return Recipe.builder("minutes")
                .name("delivery-minutes")
                .derive(new DerivedColumn.MinutesBetween("minutes", "start", "end"))
                .derive(DerivedColumn.parse("shop_district=concat(shop,district)"))
                .filter(RowFilter.parse("price > 0"))
                .filter(RowFilter.parse("weight between 0 and 100"))
                .categorical("shop_district")
                .numerical("weight")
                .build();
    }

    @Test
    void derivedTargetFiltersAndFeaturesOnAHandBuiltTable() {
        PreparedTable p = minutesRecipe().prepare(deliveries(), "deliveries.csv");
        // Row 2 fails price > 0; row 3 has no weight and row 5 weighs 120: both fail the between filter.
        assertEquals(
                Map.of("not price > 0", 1L, "not weight between 0 and 100", 2L),
                p.report().removedBy());
        assertEquals(5, p.report().rowsRead());
        assertEquals(2, p.report().rowsKept());
        assertArrayEquals(new double[] {30.0, 20.0}, p.target(), EXACT);
        assertArrayEquals(
                new String[] {"1_north", "2_nan"}, p.features().categorical().get("shop_district"));
        assertArrayEquals(new double[] {2.0, 4.0}, p.features().numerical().get("weight"), EXACT);
        assertEquals(
                Set.of("start", "end", "price", "weight", "shop", "district"),
                minutesRecipe().inputColumns());
        assertEquals(Set.of("shop", "district", "weight"), minutesRecipe().scoringColumns());
    }

    @Test
    void aRowIsScoredLikeATableRow() {
        Recipe r = minutesRecipe();
        FeatureFrame table = r.features(deliveries().dropRows(1, 2, 4), "deliveries.csv");
        FeatureFrame row = r.features(Map.of("shop", 2L, "district", "north", "weight", "4.0"));
        assertArrayEquals(new String[] {"1_north", "2_nan"}, table.categorical().get("shop_district"));
        assertArrayEquals(new String[] {"2_north"}, row.categorical().get("shop_district"));
        assertArrayEquals(new double[] {4.0}, row.numerical().get("weight"), EXACT);
    }

    @Test
    void recipesRoundTripThroughJson() {
        Recipe r = minutesRecipe().toBuilder()
                .derive(new DerivedColumn.AsText("shop_id", "shop"))
                .derive(DerivedColumn.parse("when=first_of(start,begin)"))
                .filter(new RowFilter.Present(null, List.of("district")))
                .filter(new RowFilter.Compare("cheap", "price", Comparison.NOT_EQUAL, 3))
                .build();
        assertEquals(r, Recipe.fromJson(r.toJson(), "test"));
        assertTrue(r.toJson().contains("\"kind\":\"minutes_between\""), r.toJson());
        assertTrue(r.toJson().contains("\"op\":\"!=\""), r.toJson());
    }

    @Test
    void filterGrammar() {
        assertEquals(
                new RowFilter.Compare(null, "fare_amount", Comparison.GREATER, 0), RowFilter.parse("fare_amount>0"));
        assertEquals(
                new RowFilter.Between(null, "trip_distance", 0, 100.5),
                RowFilter.parse(" trip_distance BETWEEN 0 and 100.5 "));
        assertEquals(new RowFilter.Present(null, List.of("tip")), RowFilter.parse("tip is not null"));
        assertEquals(
                "not fare_amount >= 2.5", RowFilter.parse("fare_amount >= 2.5").label());
        assertEquals("missing tip", RowFilter.parse("tip is not null").label());
        for (String bad : List.of("fare_amount", "fare_amount > x", "a between 3 and 1", "> 3", "a ~ 3")) {
            LatheException e = assertThrows(LatheException.class, () -> RowFilter.parse(bad), bad);
            assertTrue(e.getMessage().contains("'"), e.getMessage());
        }
        LatheException e = assertThrows(LatheException.class, () -> RowFilter.parse("fare_amount > x"));
        assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
    }

    @Test
    void derivedGrammar() {
        assertEquals(
                new DerivedColumn.Concat("PU_DO", List.of("PULocationID", "DOLocationID")),
                DerivedColumn.parse("PU_DO = concat(PULocationID, DOLocationID)"));
        assertEquals(
                "d=minutes_between(a,b)",
                DerivedColumn.parse("d=minutes_between(a,b)").expression());
        assertThrows(LatheException.class, () -> DerivedColumn.parse("d=minutes_between(a)"));
        LatheException e = assertThrows(LatheException.class, () -> DerivedColumn.parse("d=sum(a,b)"));
        assertTrue(e.getMessage().contains("unknown function 'sum'"), e.getMessage());
    }

    @Test
    void badInputIsNamedWithFileColumnRowAndValue() {
        Recipe noFilter = Recipe.builder("price").numerical("weight").build();
        LatheException nan = assertThrows(LatheException.class, () -> noFilter.prepare(deliveries(), "d.csv"));
        assertTrue(
                nan.getMessage().startsWith("d.csv: column 'weight', data row 3: the value is missing"),
                nan.getMessage());

        Recipe textTarget = Recipe.builder("district").numerical("weight").build();
        LatheException text = assertThrows(LatheException.class, () -> textTarget.prepare(deliveries(), "d.csv"));
        assertTrue(
                text.getMessage().contains("d.csv: column 'district', data row 1: 'north' is not a number"),
                text.getMessage());

        Recipe missing = Recipe.builder("price").numerical("height").build();
        LatheException col = assertThrows(LatheException.class, () -> missing.prepare(deliveries(), "d.csv"));
        assertTrue(col.getMessage().contains("d.csv: required column 'height' is missing"), col.getMessage());

        LatheException row = assertThrows(LatheException.class, () -> minutesRecipe()
                .features(Map.of("shop", 1, "district", "x", "weight", "heavy")));
        assertTrue(
                row.getMessage().contains("row: column 'weight', data row 1: 'heavy' is not a number"),
                row.getMessage());

        Table badTime = deliveries();
        badTime.stringColumn("end").set(0, "yesterday");
        LatheException time =
                assertThrows(LatheException.class, () -> minutesRecipe().prepare(badTime, "d.csv"));
        assertTrue(time.getMessage().contains("column 'end'"), time.getMessage());
        assertTrue(time.getMessage().contains("'yesterday' is not a timestamp"), time.getMessage());
    }

    @Test
    void recipesAreValidated() {
        assertThrows(LatheException.class, () -> Recipe.builder("y").build());
        assertThrows(
                LatheException.class, () -> Recipe.builder("y").numerical("y").build());
        assertThrows(
                LatheException.class,
                () -> Recipe.builder("y").numerical("a").categorical("a").build());
        LatheException later = assertThrows(LatheException.class, () -> Recipe.builder("y")
                .numerical("a")
                .derive(DerivedColumn.parse("b=text(c)"))
                .derive(DerivedColumn.parse("c=text(a)"))
                .build());
        assertTrue(later.getMessage().contains("reads 'c', which is derived later"), later.getMessage());
        LatheException twice = assertThrows(LatheException.class, () -> Recipe.builder("y")
                .numerical("a")
                .filter(RowFilter.parse("a > 1"))
                .filter(RowFilter.parse("a > 1"))
                .build());
        assertTrue(twice.getMessage().contains("two filters are labelled 'not a > 1'"), twice.getMessage());
    }

    @Test
    void timestampsMayBeRealTimestamps() {
        Table t = Table.create(
                "t",
                tech.tablesaw.api.DateTimeColumn.create(
                        "start", List.of(LocalDateTime.of(2024, 1, 1, 0, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0))),
                tech.tablesaw.api.DateTimeColumn.create(
                        "end", List.of(LocalDateTime.of(2024, 1, 1, 0, 1, 30), LocalDateTime.of(2024, 1, 1, 2, 0))),
                DoubleColumn.create("x", 1.0, 2.0));
        Recipe r = Recipe.builder("m")
                .derive(DerivedColumn.parse("m=minutes_between(start,end)"))
                .numerical("x")
                .build();
        assertArrayEquals(new double[] {1.5, 120.0}, r.prepare(t, "t").target(), EXACT);
    }
}
