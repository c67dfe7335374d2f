package dev.lathe.examples.experiments;

import dev.lathe.junit.ExperimentRun;
import dev.lathe.junit.LatheExperiment;
import dev.lathe.junit.Seed;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment tests run by {@link JUnitRunConventionTest} through the JUnit platform (not by Surefire:
 * the name does not end in "Test"): each fits one trainer into its test's run through the convention.
 */
@LatheExperiment(name = JUnitRunConventionTest.EXPERIMENT, store = JUnitRunConventionTest.STORE)
class ConventionFixtureExperiment {
    /** The seed of the boosting test, also the booster's seed (param "seed" is logged once per run). */
    static final long SEED = 42;

    static TrainingData data;

    @BeforeAll
    static void load() {
        data = JUnitRunConventionTest.data();
    }

    @Test
    void ridge(ExperimentRun run) {
        TrackedTraining.fitInto(run.active(), JUnitRunConventionTest.ridge(), data);
        run.assertMetricBelow(RunConvention.VALIDATION_RMSE, 6.05);
    }

    @Test
    @Seed(SEED)
    void boosting(@Seed long seed, ExperimentRun run) {
        TrackedTraining.fitInto(run.active(), JUnitRunConventionTest.boosting(seed), data);
        run.assertMetricBelow(RunConvention.VALIDATION_RMSE, 8.0);
    }
}
