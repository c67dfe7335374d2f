package dev.lathe.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values no model can learn from stop the preparation with an error naming the file, column, row and
 * value (before any trainer runs): non-finite numbers, numbers beyond a 32-bit float's range, and a
 * training or validation set with fewer than two rows left after the filters.
 */
class BadValuesTest {
    @TempDir
    Path dir;

    private static Recipe recipe() {
        return Recipe.builder("price").categorical("shop").numerical("weight").build();
    }

    private Path csv(String name, String... weights) throws IOException {
        StringBuilder b = new StringBuilder("shop,weight,price\n");
        for (int i = 0; i < weights.length; i++) {
            b.append("s")
                    .append(i % 3)
                    .append(',')
                    .append(weights[i])
                    .append(',')
                    .append(10 + i)
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void nonFiniteAndFloatOverflowingFeaturesNameFileColumnRowAndValue() throws IOException {
        for (String bad : new String[] {"Infinity", "-Infinity", "1e400", "1e308", "-1e300", "3.5e38"}) {
            Path f = csv("w.csv", "1.5", "2.5", bad, "4.0");
            DataException e = assertThrows(DataException.class, () -> TrainValid.prepare(recipe(), f), bad);
            String m = e.getMessage();
            assertTrue(m.contains(f.toString()) && m.contains("'weight'") && m.contains("data row 3"), m);
            double value = Double.parseDouble(bad);
            assertTrue(m.contains(String.valueOf(value)), "the value " + value + " in: " + m);
            assertTrue(!m.contains("is not null"), "a filter that would not remove it is no hint: " + m);
        }
    }

    @Test
    void theLargestFloatStillFits() throws IOException {
        Path f = csv("ok.csv", "1.5", "3.4e38", "-3.4e38");
        assertEquals(3, TrainValid.prepare(recipe(), f).report().rowsKept());
    }

    @Test
    void aNonFiniteTargetIsNamedToo() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "shop,weight,price\na,1,2\nb,2,1e309\n");
        DataException e = assertThrows(DataException.class, () -> TrainValid.prepare(recipe(), f));
        assertTrue(e.getMessage().contains("'price'") && e.getMessage().contains("data row 2"), e.getMessage());
    }

    @Test
    void fewerThanTwoRowsAfterTheFiltersIsAnErrorBeforeTraining() throws IOException {
        Path good = csv("good.csv", "1", "2", "3", "4");
        Path one = csv("one.csv", "1.5");
        Recipe filtered =
                recipe().toBuilder().filter(RowFilter.parse("weight > 3")).build();
        DataException e = assertThrows(DataException.class, () -> TrainValid.load(one, good, recipe()));
        assertTrue(e.getMessage().contains(one.toString()) && e.getMessage().contains("1 row"), e.getMessage());
        e = assertThrows(DataException.class, () -> TrainValid.load(good, one, recipe()));
        assertTrue(e.getMessage().contains(one.toString()) && e.getMessage().contains("1 row"), e.getMessage());
        e = assertThrows(DataException.class, () -> TrainValid.load(good, good, filtered));
        assertTrue(e.getMessage().contains(good.toString()) && e.getMessage().contains("1 row"), e.getMessage());
        assertTrue(e.getMessage().contains("not weight > 3=3"), "the filters' counts: " + e.getMessage());
        assertEquals(4, TrainValid.load(good, good, recipe()).train().rows());
    }
}
