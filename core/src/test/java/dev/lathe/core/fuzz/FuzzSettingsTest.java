package dev.lathe.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The global {@link FuzzSettings} hook reaches properties: a property without a seed draws exactly what
 * the same property with {@link FuzzSettings#CI_SEED} written in its annotation draws.
 */
class FuzzSettingsTest {
    private static final List<Long> UNSEEDED = new ArrayList<>();
    private static final List<Long> SEEDED = new ArrayList<>();

    @Property(tries = 20)
    void unseeded(@ForAll long value) {
        UNSEEDED.add(value);
    }

    @Property(tries = 20, seed = FuzzSettings.CI_SEED)
    void seeded(@ForAll long value) {
        SEEDED.add(value);
    }

    @AfterContainer
    static void sameDraws() {
        if (System.getProperty(FuzzSettings.SEED_PROPERTY) == null) {
            assertEquals(20, SEEDED.size());
            assertEquals(SEEDED, UNSEEDED);
        }
    }
}
