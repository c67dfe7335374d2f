package dev.lathe.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.Direction;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.KFold;
import dev.lathe.testkit.GradientDescentTrainer;
import dev.lathe.testkit.SyntheticData;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.pruning.Pruner;
import dev.lathe.tuning.pruning.SuccessiveHalvingPruner;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PruningTest {
    private static final int ROUNDS = 40;
    private static final long SEED = 3;

    private static Trial completed(int number, double... values) {
        SortedMap<Long, Double> iv = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            iv.put((long) i, values[i]);
        }
        return new Trial(
                number,
                TrialState.COMPLETE,
                new ParamSet(Map.of(), 0),
                values[values.length - 1],
                iv,
                Optional.empty(),
                Duration.ZERO);
    }

    private static SortedMap<Long, Double> own(double... values) {
        SortedMap<Long, Double> iv = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            iv.put((long) i, values[i]);
        }
        return iv;
    }

    @Test
    void medianPrunerComparesBestSoFarWithMedianAtStep() {
        List<Trial> history = List.of(completed(0, 5, 3), completed(1, 6, 4), completed(2, 7, 9));
        MedianPruner pruner = new MedianPruner(3, 1);
        // median at step 1 of (3, 4, 9) is 4
        assertFalse(pruner.shouldPrune(1, own(9, 4), history, Direction.MINIMIZE), "best 4 is not worse than 4");
        assertTrue(pruner.shouldPrune(1, own(9, 4.5), history, Direction.MINIMIZE));
        assertFalse(pruner.shouldPrune(0, own(99), history, Direction.MINIMIZE), "warm-up step");
        assertFalse(
                new MedianPruner(4, 0).shouldPrune(1, own(9, 9), history, Direction.MINIMIZE),
                "fewer completed trials than startup");
        // maximising: median at step 1 is 4, a best-so-far of 3.5 is worse
        assertTrue(pruner.shouldPrune(1, own(3, 3.5), history, Direction.MAXIMIZE));
        assertFalse(pruner.shouldPrune(1, own(3, 5), history, Direction.MAXIMIZE));
    }

    @Test
    void successiveHalvingPromotesTopFractionAtRungs() {
        SuccessiveHalvingPruner sha = new SuccessiveHalvingPruner(1, 3, 0);
        assertTrue(sha.isRung(1) && sha.isRung(3) && sha.isRung(9) && !sha.isRung(4));
        List<Trial> history = List.of(
                completed(0, 0, 1.0),
                completed(1, 0, 2.0),
                completed(2, 0, 3.0),
                completed(3, 0, 4.0),
                completed(4, 0, 5.0));
        // 6 competitors at step 1, promotable index 6/3-1 = 1 -> the two best (1.0, 1.5) survive
        assertFalse(sha.shouldPrune(1, own(0, 1.5), history, Direction.MINIMIZE));
        assertTrue(sha.shouldPrune(1, own(0, 2.5), history, Direction.MINIMIZE));
        assertFalse(sha.shouldPrune(2, own(0, 9, 9), history, Direction.MINIMIZE), "step 2 is no rung");
    }

    @Test
    void medianPruningStopsIterativeTrialsAndKeepsBestIntermediate() {
        Dataset train = SyntheticData.linear("train", 200, 0.5, 1);
        Dataset valid = SyntheticData.linear("valid", 100, 0.5, 2);
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 0.02).build();
        TrainerObjective objective = TrainerObjective.builder(
                        p -> new GradientDescentTrainer(p.getDouble("lr"), ROUNDS), train, ScoreMetric.of("rmse"))
                .validation(valid)
                .build();
        SearchResult result = search(space, objective, new MedianPruner(3, 2));
        SearchResult unpruned = search(space, objective, Pruner.none());
        assertTrue(result.count(TrialState.PRUNED) >= 3, "pruned " + result.count(TrialState.PRUNED));
        assertEquals(0, unpruned.count(TrialState.PRUNED));
        for (Trial t : result.trials()) {
            if (t.state() == TrialState.PRUNED) {
                assertTrue(t.intermediateValues().size() < ROUNDS, "pruned trial " + t.number() + " ran every round");
                double best = t.intermediateValues().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElseThrow();
                assertEquals(best, t.value(), 0.0);
            } else {
                assertEquals(ROUNDS, t.intermediateValues().size());
            }
        }
        // pruning only drops losing trials: the best completed score is the same
        assertEquals(unpruned.bestScore(), result.bestScore(), 0.0);
    }

    @Test
    void crossValidatedTrialsArePrunedBetweenFolds() {
        int folds = 5;
        Dataset train = SyntheticData.linear("train", 300, 0.5, 4);
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 0.02).build();
        TrainerObjective objective = TrainerObjective.builder(
                        p -> new GradientDescentTrainer(p.getDouble("lr"), ROUNDS), train, ScoreMetric.of("rmse"))
                .crossValidation(KFold.shuffled(folds, 11))
                .build();
        assertEquals("cv_mean_rmse", objective.intermediateKey());
        SearchResult pruned = search(space, objective, new MedianPruner(3, 0));
        SearchResult unpruned = search(space, objective, Pruner.none());
        assertTrue(pruned.count(TrialState.PRUNED) >= 3, "pruned " + pruned.count(TrialState.PRUNED));
        for (Trial t : pruned.trials()) {
            int ran = t.intermediateValues().size();
            assertTrue(
                    t.state() == TrialState.PRUNED ? ran < folds : ran == folds,
                    "trial " + t.number() + " " + t.state() + " ran " + ran + " folds");
        }
        for (Trial t : unpruned.trials()) {
            assertEquals(folds, t.intermediateValues().size());
            // the last running mean is the cross-validation score
            assertEquals(t.value(), t.intermediateValues().get((long) folds - 1), 1e-12);
        }
        assertEquals(unpruned.bestScore(), pruned.bestScore(), 0.0);
    }

    private static SearchResult search(SearchSpace space, TrialObjective objective, Pruner pruner) {
        return Study.builder(
                        space,
                        new RandomSampler(),
                        objective,
                        SearchSettings.builder(16, SEED).build())
                .pruner(pruner)
                .build()
                .run();
    }
}
