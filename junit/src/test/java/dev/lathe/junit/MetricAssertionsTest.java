package dev.lathe.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.junit.fixtures.MetricBoundsExperiment;
import dev.lathe.junit.fixtures.RegressionExperiment;
import dev.lathe.testkit.InMemoryTracker;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Metric bound and regression assertions, through the engine and on a handle directly. */
class MetricAssertionsTest {
    @Test
    void boundsPassAndFailWithTheMetricAndTheBoundInTheMessage() {
        InMemoryTrackerProvider.reset(MetricBoundsExperiment.STORE);
        LatheExperimentExtensionTest.execute(MetricBoundsExperiment.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(3).failed(2))
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("aboveBound"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(m -> m.startsWith("metric validation_rmse must be < 7.8, got 8.1")))))
                .haveExactly(
                        1,
                        event(
                                test("neverLogged"),
                                finishedWithFailure(message(m -> m.contains("validation_rmse was not logged")
                                        && m.contains("[training_rmse]")))));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(MetricBoundsExperiment.STORE);
        assertEquals(RunStatus.FINISHED, tracker.runNamed("withinBound").info().status());
        assertEquals(RunStatus.FAILED, tracker.runNamed("aboveBound").info().status());
        assertEquals(
                RunStatus.FINISHED, tracker.runNamed("latestStepCounts").info().status());
        assertEquals(
                RunStatus.FINISHED,
                tracker.runNamed("loggedIntoTheActiveRun").info().status(),
                "metrics logged into active() are asserted on, at their latest step");
    }

    @Test
    void regressionIsJudgedAgainstTheLastPassingRunOfTheSameTest() {
        InMemoryTrackerProvider.reset(RegressionExperiment.STORE);
        // 6.00: first run, no baseline. 6.05 <= 6.00 * 1.01: passes. 6.20 > 6.05 * 1.01: fails.
        // 6.10 <= 6.05 * 1.01 = 6.1105: passes, compared with the 6.05 run, not the failed 6.20 one.
        List<String> values = List.of("6.00", "6.05", "6.20", "6.10");
        List<RunStatus> expected =
                List.of(RunStatus.FINISHED, RunStatus.FINISHED, RunStatus.FAILED, RunStatus.FINISHED);
        String old = System.getProperty(RegressionExperiment.VALUE);
        try {
            for (String v : values) {
                System.setProperty(RegressionExperiment.VALUE, v);
                LatheExperimentExtensionTest.execute(RegressionExperiment.class);
            }
        } finally {
            if (old == null) {
                System.clearProperty(RegressionExperiment.VALUE);
            } else {
                System.setProperty(RegressionExperiment.VALUE, old);
            }
        }
        var runs = InMemoryTrackerProvider.at(RegressionExperiment.STORE).runs();
        assertEquals(expected, runs.stream().map(r -> r.info().status()).toList());
        assertEquals("none", runs.get(0).data().tags().get(ExperimentRun.BASELINE_TAG));
        assertEquals(runs.get(0).info().runId(), runs.get(1).data().tags().get(ExperimentRun.BASELINE_TAG));
        assertEquals(runs.get(1).info().runId(), runs.get(2).data().tags().get(ExperimentRun.BASELINE_TAG));
        assertEquals(runs.get(1).info().runId(), runs.get(3).data().tags().get(ExperimentRun.BASELINE_TAG));
        assertTrue(
                runs.get(2).data().tags().get("lathe.junit.outcome_reason").contains("regressed: 6.2 vs 6.05"),
                runs.get(2).data().tags().toString());
    }

    @Test
    void higherIsBetterAllowsTheToleranceBelowTheBaseline() {
        InMemoryTracker tracker = new InMemoryTracker("mem:direct");
        String exp = tracker.getOrCreateExperiment("direct");
        ExperimentRun first = start(tracker, exp);
        first.logMetric("validation_r2", 0.50);
        first.assertNoRegression("validation_r2", 0.02, Direction.MAXIMIZE);
        first.finish(RunStatus.FINISHED, Optional.empty());

        ExperimentRun ok = start(tracker, exp);
        ok.logMetric("validation_r2", 0.491); // limit 0.50 - 0.02 * 0.50 = 0.49
        ok.assertNoRegression("validation_r2", 0.02, Direction.MAXIMIZE);

        ExperimentRun worse = start(tracker, exp);
        worse.logMetric("validation_r2", 0.489);
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class, () -> worse.assertNoRegression("validation_r2", 0.02, Direction.MAXIMIZE));
        assertTrue(e.getMessage().contains("MAXIMIZE"), e.getMessage());
    }

    @Test
    void misuseIsALatheExceptionNamingTheRule() {
        InMemoryTracker tracker = new InMemoryTracker("mem:misuse");
        ExperimentRun run = start(tracker, tracker.getOrCreateExperiment("misuse"));
        run.logMetric("rmse", 1.0);
        LatheException negative =
                assertThrows(LatheException.class, () -> run.assertNoRegression("rmse", -0.01, Direction.MINIMIZE));
        assertEquals("relative tolerance must be finite and >= 0, got -0.01", negative.getMessage());
        LatheException bounds = assertThrows(LatheException.class, () -> run.assertMetricBetween("rmse", 2, 1));
        assertEquals("metric bounds must satisfy low <= high, got low=2.0, high=1.0", bounds.getMessage());
    }

    private static ExperimentRun start(InMemoryTracker tracker, String experimentId) {
        return new ExperimentRun(
                tracker.startRun(RunSpec.builder(experimentId)
                        .tag(ExperimentRun.TEST_TAG, "Direct#test")
                        .build()),
                1L,
                "Direct#test",
                tracker);
    }
}
