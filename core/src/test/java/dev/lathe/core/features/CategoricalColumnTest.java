package dev.lathe.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalColumnTest {
    @Test
    void encodesInOrderOfFirstAppearanceAndGivesTheValuesBack() {
        String[] values = {"b", "a", "b", "c", "a"};
        CategoricalColumn c = CategoricalColumn.of(values);
        assertEquals(List.of("b", "a", "c"), c.dictionary());
        assertEquals(3, c.distinct());
        assertArrayEquals(new int[] {0, 1, 0, 2, 1}, new int[] {c.code(0), c.code(1), c.code(2), c.code(3), c.code(4)});
        assertArrayEquals(values, c.values());
        assertEquals("c", c.value(3));
    }

    @Test
    void fromCodesMergesEqualTextAndDropsUnusedEntries() {
        // entries 0 and 2 print the same ("1_2_3" from two different code pairs); entry 3 is unused
        CategoricalColumn c =
                CategoricalColumn.fromCodes(new int[] {2, 0, 1, 2}, new String[] {"1_2_3", "x", "1_2_3", "y"});
        assertEquals(List.of("1_2_3", "x"), c.dictionary());
        assertArrayEquals(new String[] {"1_2_3", "1_2_3", "x", "1_2_3"}, c.values());
    }

    @Test
    void selectKeepsOnlyTheValuesOfTheSelectedRows() {
        CategoricalColumn c = CategoricalColumn.of(new String[] {"a", "b", "c", "b"});
        CategoricalColumn kept = c.select(new int[] {3, 1, 2});
        assertEquals(List.of("b", "c"), kept.dictionary());
        assertArrayEquals(new String[] {"b", "b", "c"}, kept.values());
        assertEquals(List.of(), c.select(new int[0]).dictionary());
    }

    @Test
    void aCodeOutsideTheDictionaryOrANullValueIsAnError() {
        LatheException e = assertThrows(
                LatheException.class, () -> CategoricalColumn.fromCodes(new int[] {0, 2}, new String[] {"a", "b"}));
        assertEquals("code 2 at row 1 is outside the dictionary of 2 values", e.getMessage());
        assertThrows(LatheException.class, () -> CategoricalColumn.of(new String[] {"a", null}));
    }
}
