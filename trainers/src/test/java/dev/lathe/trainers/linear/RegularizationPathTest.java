package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Warm-started regularisation paths, scikit-learn's alpha grid, and the listener hooks. */
class RegularizationPathTest {
    private static final double PATH_TOLERANCE = 1e-7;

    @Test
    void alphaGridStartsAtTheSmallestAllZeroPenalty() {
        Dataset d = SyntheticDesigns.gaussian("gauss", 70, 9, 4L);
        double[] grid = ElasticNetTrainer.alphaGrid(d, 0.5, 5, 1e-3);
        assertEquals(5, grid.length);
        assertEquals(grid[0] * 1e-3, grid[4], grid[0] * 1e-12);
        ElasticNetParams.Builder b = ElasticNetParams.builder(grid[0], 0.5).tolerance(1e-12);
        assertEquals(0, new ElasticNetTrainer(b.build()).fit(d).nonZeroCount());
        LinearModel justBelow = new ElasticNetTrainer(ElasticNetParams.builder(grid[0] * 0.99, 0.5)
                        .tolerance(1e-12)
                        .build())
                .fit(d);
        assertEquals(1, justBelow.nonZeroCount());
    }

    @Test
    void warmStartedPathMatchesIndependentFits() {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 250, 4, 5, 17L);
        ElasticNetParams params = ElasticNetParams.builder(1.0, 0.9)
                .tolerance(1e-14)
                .maxIterations(1_000_000)
                .build();
        double[] alphas = ElasticNetTrainer.alphaGrid(d, 0.9, 6, 1e-2);
        RegularizationPath path = new ElasticNetTrainer(params).fitPath(d, alphas, FitContext.none());
        assertEquals(alphas.length, path.models().size());
        for (int k = 0; k < alphas.length; k++) {
            LinearModel alone = new ElasticNetTrainer(params.withAlpha(alphas[k])).fit(d);
            LinearModel onPath = path.models().get(k);
            assertEquals(
                    Double.toString(alphas[k]),
                    onPath.provenance().hyperparameters().get("alpha"));
            for (int j = 0; j < d.featureCount(); j++) {
                assertEquals(alone.coefficient(j), onPath.coefficient(j), PATH_TOLERANCE, "alpha " + k + " coef " + j);
            }
        }
        assertTrue(path.models().get(alphas.length - 1).nonZeroCount()
                > path.models().get(1).nonZeroCount());
        assertThrows(
                LatheException.class, () -> new ElasticNetTrainer(params).fitPath(d, new double[0], FitContext.none()));
    }

    @Test
    void listenersSeeStartGapsAndFinish() {
        Dataset d = SyntheticDesigns.gaussian("gauss", 60, 7, 8L);
        List<String> events = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void fitStarted(Trainer<?> trainer, Dataset train, Optional<Dataset> validation) {
                events.add("start " + trainer.name());
            }

            @Override
            public void metric(String key, double value, long step) {
                if (key.equals("cd_gap")) {
                    gaps.add(value);
                }
            }

            @Override
            public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
                events.add("finish " + model.kind());
            }
        };
        ElasticNetParams params =
                ElasticNetParams.builder(0.05, 1.0).tolerance(1e-10).build();
        LinearModel m = new ElasticNetTrainer(params)
                .fit(d, FitContext.builder().listener(recorder).build());
        assertEquals(List.of("start lasso", "finish linear"), events);
        assertTrue(!gaps.isEmpty(), "at least one duality gap is reported");
        double lastGap = gaps.get(gaps.size() - 1);
        assertEquals(Double.toString(lastGap), m.provenance().fitDetails().get("duality_gap"));
        assertTrue(lastGap < Double.parseDouble(m.provenance().fitDetails().get("duality_gap_tolerance")));

        events.clear();
        new OlsTrainer(OlsParams.defaults())
                .fit(d, FitContext.builder().listener(recorder).build());
        assertEquals(List.of("start ols", "finish linear"), events);
    }

    @Test
    void pruningListenerStopsCoordinateDescentEarly() {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 200, 4, 4, 3L);
        TrainingListener stopAtOnce = new TrainingListener() {
            @Override
            public boolean shouldStop(long step) {
                return true;
            }
        };
        ElasticNetParams params = ElasticNetParams.builder(0.001, 1.0)
                .tolerance(1e-14)
                .maxIterations(10_000)
                .build();
        LinearModel m = new ElasticNetTrainer(params)
                .fit(d, FitContext.builder().listener(stopAtOnce).build());
        assertEquals("1", m.provenance().fitDetails().get("iterations"));
        assertEquals("false", m.provenance().fitDetails().get("converged"));
    }
}
