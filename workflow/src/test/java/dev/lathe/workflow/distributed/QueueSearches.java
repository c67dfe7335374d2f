package dev.lathe.workflow.distributed;

import dev.lathe.core.tracking.Tracker;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded search the distributed tests serve with 1, 2 or 8 workers: TPE over three parameters,
 * median pruning on ten reported steps, batches of 4, and an objective that is a pure function of its
 * params and seed (optionally slowed down so that a worker can be killed mid-trial).
 */
final class QueueSearches {
    static final int TRIALS = 20;
    static final int BATCH = 4;
    static final long SEED = 7;

    private QueueSearches() {}

    static Study study(Tracker tracker, int threads, long millisPerTrial) {
        SearchSpace space = SearchSpace.builder()
                .uniform("x", -3, 3)
                .intRange("depth", 1, 8)
                .choice("kind", List.of("a", "b", "c"))
                .build();
        return Study.builder(
                        space,
                        new TpeSampler(TpeSettings.defaults().withStartupTrials(6)),
                        objective(millisPerTrial),
                        SearchSettings.builder(TRIALS, SEED)
                                .threads(threads)
                                .batchSize(BATCH)
                                .build())
                .pruner(new MedianPruner(4, 3))
                .tracking(new SearchTracking(tracker, "distributed", "queue-search"))
                .build();
    }

    static TrialObjective objective(long millisPerTrial) {
        return trial -> {
            double x = trial.params().getDouble("x");
            int depth = trial.params().getInt("depth");
            double kind = "abc".indexOf(trial.params().getString("kind")) * 0.3;
            double noise = new SplittableRandom(trial.params().seed()).nextDouble() * 0.01;
            double value = Double.NaN;
            for (int step = 0; step < 10; step++) {
                value = (x - 1) * (x - 1) + 0.1 * depth + kind + noise + 1.0 / (step + 1);
                trial.report(step, value);
                sleep(millisPerTrial / 10);
                if (trial.shouldPrune(step)) {
                    break;
                }
            }
            return value;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
