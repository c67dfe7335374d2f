package dev.lathe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own small CSV table (flat prices, nothing to do with taxis) trains, saves, loads and predicts a row. */
class OwnCsvTableTest {
    private static final String HEADER = "city,rooms,area_m2,floor,price\n";

    /** The price the rows are generated from: exact, so OLS must recover it. */
    private static double price(String city, int rooms, double area) {
        double offset =
                switch (city) {
                    case "Paris" -> 100_000;
                    case "Lyon" -> 20_000;
                    default -> 0;
                };
        return 50_000 + 3_000 * area + 10_000 * rooms + offset;
    }

    private static String rows(Object[][] rows) {
        StringBuilder s = new StringBuilder(HEADER);
        for (Object[] r : rows) {
            String city = (String) r[0];
            int rooms = (Integer) r[1];
            double area = (Double) r[2];
            s.append(city).append(',').append(rooms).append(',').append(area).append(",3,");
            s.append(r.length > 3 ? r[3] : Double.toString(price(city, rooms, area)))
                    .append('\n');
        }
        return s.toString();
    }

    @Test
    void ownTableTrainsSavesLoadsAndPredictsARow(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("flats_2023.csv");
        Path valid = dir.resolve("flats_2024.csv");
        Files.writeString(train, rows(new Object[][] {
            {"Paris", 1, 30.0}, {"Paris", 2, 48.0}, {"Paris", 3, 75.5}, {"Lyon", 2, 52.0},
            {"Lyon", 3, 66.0}, {"Lyon", 4, 91.0}, {"Nantes", 1, 28.0}, {"Nantes", 3, 70.0},
            {"Nantes", 5, 120.0}, {"Lyon", 1, 35.0}, {"Paris", 4, 99.0}, {"Nantes", 2, 0.0, "1"},
            {"Lyon", 3, 61.0, ""}
        }));
        Files.writeString(valid, rows(new Object[][] {{"Paris", 2, 55.0}, {"Lyon", 5, 110.0}, {"Nantes", 4, 85.0}}));
        Recipe recipe = Recipe.builder("price")
                .name("flat-prices")
                .categorical("city")
                .numerical("rooms", "area_m2")
                .filter(RowFilter.parse("area_m2 > 0"))
                .filter(RowFilter.parse("price is not null"))
                .build();

        TrainingData data = TrainingData.load(train, valid, recipe);
        assertEquals(
                Map.of("not area_m2 > 0", 1L, "missing price", 1L),
                data.data().trainReport().removedBy());
        assertEquals(11, data.data().train().rows());
        FittedPipeline fitted = data.pipeline(
                new OlsTrainer(OlsParams.defaults()).fit(data.data().train()));
        Path saved = dir.resolve("flats.lathe");
        fitted.save(saved);
        FittedPipeline loaded = FittedPipeline.load(saved);

        assertEquals(recipe, loaded.recipe());
        double predicted = loaded.predict(Map.of("city", "Lyon", "rooms", 2, "area_m2", 55.0));
        assertEquals(price("Lyon", 2, 55.0), predicted, 1e-6 * price("Lyon", 2, 55.0));
        double[] batch = loaded.predict(dev.lathe.core.io.TableReader.read(valid));
        assertEquals(price("Lyon", 5, 110.0), batch[1], 1e-6 * price("Lyon", 5, 110.0));

        LatheException missing =
                assertThrows(LatheException.class, () -> loaded.predict(Map.of("city", "Lyon", "rooms", 2)));
        assertTrue(missing.getMessage().contains("required column 'area_m2' is missing"), missing.getMessage());
        LatheException bad = assertThrows(
                LatheException.class, () -> loaded.predict(Map.of("city", "Lyon", "rooms", 2, "area_m2", "big")));
        assertTrue(bad.getMessage().contains("column 'area_m2', data row 1: 'big' is not a number"), bad.getMessage());
    }

    @Test
    void aMissingTargetWithoutAFilterIsNamedWithFileColumnAndRow(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("flats.csv");
        Files.writeString(train, rows(new Object[][] {{"Paris", 1, 30.0}, {"Lyon", 3, 61.0, ""}}));
        Recipe recipe = Recipe.builder("price").categorical("city").build();
        LatheException e = assertThrows(LatheException.class, () -> TrainingData.load(train, train, recipe));
        assertTrue(
                e.getMessage().contains(train + ": target column 'price', data row 2: the value is missing"),
                e.getMessage());
    }
}
