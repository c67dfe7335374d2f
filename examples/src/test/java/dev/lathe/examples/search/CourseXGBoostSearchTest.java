package dev.lathe.examples.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.FixedDistribution;
import dev.lathe.tuning.space.IntDistribution;
import dev.lathe.tuning.space.LogUniformDistribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.ParamSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The course search's space and trainer mapping (the search itself runs as a main, see the class doc). */
class CourseXGBoostSearchTest {
    private static final double EXACT = 0.0;

    @Test
    void spaceIsTheCourseSpace() {
        SearchSpace space = CourseXGBoostSearch.space();
        assertEquals(new IntDistribution(4, 100, false), space.get("max_depth"));
        assertEquals(new LogUniformDistribution(Math.exp(-3), 1.0), space.get("learning_rate"));
        assertEquals(new LogUniformDistribution(Math.exp(-5), Math.exp(-1)), space.get("reg_alpha"));
        assertEquals(new LogUniformDistribution(Math.exp(-6), Math.exp(-1)), space.get("reg_lambda"));
        assertEquals(new LogUniformDistribution(Math.exp(-1), Math.exp(3)), space.get("min_child_weight"));
        assertEquals(new FixedDistribution("reg:squarederror"), space.get("objective"));
        assertEquals(new FixedDistribution(42), space.get("seed"));
    }

    @Test
    void trainerCarriesTheSampledParams() {
        SearchSpace space = CourseXGBoostSearch.space();
        ParamSet p = new ParamSet(
                new RandomSampler().sample(space, 0, List.of(), Direction.MINIMIZE, new SplittableRandom(1)), 7);
        XGBoostParams x = CourseXGBoostSearch.trainer(p, 1000, 2).params();
        assertEquals(p.getInt("max_depth"), x.maxDepth());
        assertEquals(p.getDouble("learning_rate"), x.learningRate(), EXACT);
        assertEquals(p.getDouble("reg_alpha"), x.regAlpha(), EXACT);
        assertEquals(p.getDouble("reg_lambda"), x.regLambda(), EXACT);
        assertEquals(p.getDouble("min_child_weight"), x.minChildWeight(), EXACT);
        assertEquals("reg:squarederror", x.objective());
        assertEquals(CourseXGBoostSearch.XGBOOST_SEED, x.seed());
        assertEquals(1000, x.numBoostRounds());
        assertEquals(CourseXGBoostSearch.EARLY_STOPPING_ROUNDS, x.earlyStoppingRounds());
    }

    @Test
    void optionsParseAndReject() {
        CourseSearchOptions o =
                CourseSearchOptions.parse(new String[] {"--mode", "random", "--trials", "4", "--rounds", "100"});
        assertEquals(SearchMode.RANDOM, o.mode());
        assertEquals(4, o.trials());
        assertEquals(100, o.rounds());
        assertEquals(42, o.seed());
        LatheException e =
                assertThrows(LatheException.class, () -> CourseSearchOptions.parse(new String[] {"--mode", "grid"}));
        assertTrue(e.getMessage().contains("'grid'"), e.getMessage());
        assertThrows(LatheException.class, () -> CourseSearchOptions.parse(new String[] {"--trials", "x"}));
    }
}
