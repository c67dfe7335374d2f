package dev.lathe.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.sampler.GridSampler;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.CategoricalDistribution;
import dev.lathe.tuning.space.GridSpace;
import dev.lathe.tuning.space.IntDistribution;
import dev.lathe.tuning.space.LogUniformDistribution;
import dev.lathe.tuning.space.QUniformDistribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.space.UniformDistribution;
import dev.lathe.tuning.trial.ParamSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final long SEED = 7;

    @Test
    void distributionsValidateWithOptunaStyleMessages() {
        LatheException e = assertThrows(LatheException.class, () -> new UniformDistribution(5.0, 1.0));
        assertTrue(e.getMessage().contains("low <= high must hold"), e.getMessage());
        assertTrue(e.getMessage().contains("but got low=5.0, high=1.0"), e.getMessage());
        LatheException log = assertThrows(LatheException.class, () -> new LogUniformDistribution(0.0, 1.0));
        assertTrue(log.getMessage().contains("larger than 0"), log.getMessage());
        assertTrue(log.getMessage().contains("low=0.0"), log.getMessage());
        LatheException choice = assertThrows(LatheException.class, () -> new CategoricalDistribution(List.of()));
        assertTrue(choice.getMessage().contains("one or more elements"), choice.getMessage());
        LatheException q = assertThrows(LatheException.class, () -> new QUniformDistribution(0, 1, 0));
        assertTrue(q.getMessage().contains("q=0.0"), q.getMessage());
        LatheException intLog = assertThrows(LatheException.class, () -> new IntDistribution(0, 10, true));
        assertTrue(intLog.getMessage().contains("low=0"), intLog.getMessage());
        assertThrows(LatheException.class, () -> new IntDistribution(9, 3, false));
        assertThrows(
                LatheException.class,
                () -> SearchSpace.builder().uniform("a", 0, 1).uniform("a", 0, 2));
    }

    @Test
    void integersStayIntegersAndChoicesAreValues() {
        SearchSpace space = SearchSpace.builder()
                .intRange("max_depth", 4, 100)
                .intRange("leaves", 2, 512, true)
                .choice("objective", List.of("reg:squarederror", "reg:pseudohubererror"))
                .quniform("q", 0.0, 1.0, 0.25)
                .fixed("seed", 42)
                .build();
        RandomSampler sampler = new RandomSampler();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(SEED);
        for (int i = 0; i < 200; i++) {
            Map<String, Object> v = sampler.sample(space, i, List.of(), Direction.MINIMIZE, rng);
            ParamSet p = new ParamSet(v, 0);
            Object depth = v.get("max_depth");
            assertInstanceOf(Integer.class, depth);
            assertTrue(p.getInt("max_depth") >= 4 && p.getInt("max_depth") <= 100);
            assertTrue(
                    p.formatted().get("max_depth").matches("\\d+"),
                    p.formatted().get("max_depth"));
            assertTrue(p.formatted().get("leaves").matches("\\d+"));
            assertInstanceOf(String.class, v.get("objective"));
            assertTrue(List.of("reg:squarederror", "reg:pseudohubererror").contains(v.get("objective")));
            double q = p.getDouble("q");
            assertEquals(0.0, Math.IEEEremainder(q, 0.25), 1e-12, "quantised to 0.25: " + q);
            assertEquals(42, p.getInt("seed"));
            assertEquals("42", p.formatted().get("seed"));
        }
        assertEquals(7, new IntDistribution(1, 10, false).parse("7"));
        assertThrows(LatheException.class, () -> new IntDistribution(1, 10, false).parse("7.0"));
    }

    @Test
    void gridEnumeratesLastParameterFastestWithProductCount() {
        GridSpace grid = GridSpace.builder()
                .values("alpha", List.of(0.1, 1.0))
                .values("solver", List.of("a", "b", "c"))
                .build();
        assertEquals(6, grid.size());
        List<String> order = new ArrayList<>();
        for (Map<String, Object> p : grid.points()) {
            order.add(p.get("alpha") + "/" + p.get("solver"));
        }
        assertEquals(List.of("0.1/a", "0.1/b", "0.1/c", "1.0/a", "1.0/b", "1.0/c"), order);

        GridSampler sampler = new GridSampler(grid);
        SearchResult result = Study.builder(
                        sampler.space(),
                        sampler,
                        t -> t.params().getDouble("alpha")
                                * t.params().getString("solver").charAt(0),
                        SearchSettings.builder(100, SEED).build())
                .build()
                .run();
        assertEquals(6, result.trials().size(), "a grid search runs each grid point once");
        for (int i = 0; i < 6; i++) {
            assertEquals(grid.point(i), result.trials().get(i).params().values());
        }
        assertEquals(0.1 * 'a', result.bestScore(), 1e-12);
    }
}
