package dev.lathe.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import org.junit.jupiter.api.Test;

class ScoreMetricTest {
    @Test
    void aliasesResolveWithTheirDirection() {
        assertEquals("root_mean_squared_error", ScoreMetric.of("rmse").key());
        assertEquals(Direction.MINIMIZE, ScoreMetric.of("rmse").direction());
        assertEquals(Direction.MAXIMIZE, ScoreMetric.of("r2").direction());
        assertEquals(
                "mean_absolute_error", ScoreMetric.of("mean_absolute_error").key());
        LatheException e = assertThrows(LatheException.class, () -> ScoreMetric.of("accuracy"));
        assertTrue(e.getMessage().contains("'accuracy'"), e.getMessage());
    }

    @Test
    void maximisingSearchPicksTheLargestScore() {
        SearchResult r = Study.builder(
                        SearchSpace.builder().uniform("x", -1, 1).build(),
                        new RandomSampler(),
                        t -> -Math.abs(t.params().getDouble("x")),
                        SearchSettings.builder(30, 1)
                                .direction(Direction.MAXIMIZE)
                                .build())
                .build()
                .run();
        double max = r.trials().stream().mapToDouble(Trial::value).max().orElseThrow();
        assertEquals(max, r.bestScore(), 0.0);
    }

    @Test
    void nanScoreFailsTheTrialWithoutStoppingTheSearch() {
        SearchResult r = Study.builder(
                        SearchSpace.builder().uniform("x", -1, 1).build(),
                        new RandomSampler(),
                        t -> t.params().getDouble("x") < 0
                                ? Double.NaN
                                : t.params().getDouble("x"),
                        SearchSettings.builder(20, 3).build())
                .build()
                .run();
        assertEquals(20, r.trials().size());
        for (Trial t : r.trials()) {
            assertEquals(t.params().getDouble("x") < 0, t.state() == TrialState.FAILED);
        }
        assertTrue(r.bestScore() >= 0);
    }
}
