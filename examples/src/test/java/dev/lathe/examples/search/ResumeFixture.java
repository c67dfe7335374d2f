package dev.lathe.examples.search;

import dev.lathe.core.tracking.Tracker;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrialContext;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;

/**
 * The search used by the kill-and-resume test, shared by the test and the child JVM: TPE with median
 * pruning over a 3-parameter quadratic, reported over {@link #STEPS} steps with a short sleep per step
 * so that the child is killed mid-search.
 */
final class ResumeFixture {
    static final long SEED = 20240601L;
    static final int TRIALS = 16;
    static final int STEPS = 8;
    static final long STEP_MILLIS = 40;
    static final String EXPERIMENT = "resume-test";

    private ResumeFixture() {}

    static SearchSpace space() {
        return SearchSpace.builder()
                .uniform("x", -3, 3)
                .logUniform("scale", 0.01, 10)
                .intRange("depth", 1, 20)
                .choice("kind", java.util.List.of("a", "b"))
                .build();
    }

    /** A deterministic iterative objective: the loss shrinks toward its final value step by step. */
    static TrialObjective objective(boolean sleep) {
        return new TrialObjective() {
            @Override
            public double evaluate(TrialContext trial) {
                double x = trial.params().getDouble("x");
                double s = Math.log10(trial.params().getDouble("scale"));
                int d = trial.params().getInt("depth");
                double kind = trial.params().getString("kind").equals("a") ? 0 : 0.5;
                double loss = (x - 1) * (x - 1) + s * s + (d - 7) * (d - 7) / 10.0 + kind;
                for (int step = 0; step < STEPS; step++) {
                    trial.report(step, loss * (1 + 1.0 / (step + 1)));
                    if (sleep) {
                        pause();
                    }
                    if (trial.shouldPrune(step)) {
                        return loss;
                    }
                }
                return loss;
            }

            @Override
            public String intermediateKey() {
                return "intermediate_loss";
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Study study(Tracker tracker, boolean sleep, SearchListener listener) {
        Study.Builder b = Study.builder(
                        space(),
                        new TpeSampler(TpeSettings.defaults().withStartupTrials(4)),
                        objective(sleep),
                        SearchSettings.builder(TRIALS, SEED)
                                .threads(2)
                                .batchSize(2)
                                .scoreName("loss")
                                .build())
                .pruner(new MedianPruner(3, 2))
                .listener(listener);
        if (tracker != null) {
            b.tracking(new SearchTracking(tracker, EXPERIMENT, "resumable"));
        }
        return b.build();
    }
}
