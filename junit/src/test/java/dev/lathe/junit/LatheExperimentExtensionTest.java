package dev.lathe.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.junit.fixtures.ClassSeedExperiment;
import dev.lathe.junit.fixtures.NestedAndRepeatedExperiment;
import dev.lathe.junit.fixtures.OutcomesExperiment;
import dev.lathe.junit.fixtures.SeedsExperiment;
import dev.lathe.testkit.InMemoryTracker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes through the Jupiter engine and checks the runs the extension tracked. */
class LatheExperimentExtensionTest {
    /** SHA-256("green-2023\0olsBeatsBaseline")[0..8] as a signed big-endian long, computed with Python's hashlib. */
    private static final long PYTHON_SEED_GREEN_2023_OLS = 5050529371521256995L;

    static EngineExecutionResults execute(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
    }

    @Test
    void eachOutcomeEndsItsRunWithTheMatchingStatus() {
        InMemoryTrackerProvider.reset(OutcomesExperiment.STORE);
        execute(OutcomesExperiment.class)
                .testEvents()
                .assertStatistics(
                        s -> s.started(4).succeeded(1).failed(2).aborted(1).skipped(1));

        InMemoryTracker tracker = InMemoryTrackerProvider.at(OutcomesExperiment.STORE);
        assertEquals(List.of("outcomes"), List.copyOf(tracker.experiments().keySet()));
        assertEquals(5, tracker.runs().size());
        assertEquals(RunStatus.FINISHED, tracker.runNamed("passes").info().status());
        assertEquals(
                RunStatus.FAILED, tracker.runNamed("failsAnAssertion").info().status());
        assertEquals(
                RunStatus.FAILED, tracker.runNamed("throwsOnBadInput").info().status());
        assertEquals(RunStatus.KILLED, tracker.runNamed("isAborted").info().status());
        assertEquals(RunStatus.KILLED, tracker.runNamed("isDisabled").info().status());
        assertEquals(1, tracker.closeCount(), "the tracker is closed once, after the class");
    }

    @Test
    void runsCarryTheTestIdentityTheOutcomeAndTheInjectedHandle() {
        InMemoryTrackerProvider.reset(OutcomesExperiment.STORE);
        execute(OutcomesExperiment.class);
        InMemoryTracker tracker = InMemoryTrackerProvider.at(OutcomesExperiment.STORE);

        Run passes = tracker.runNamed("passes");
        assertEquals(passes.info().runId(), passes.data().params().get("run_id_seen"));
        assertEquals(5.0, passes.data().latestMetrics().get("rmse").value());
        assertEquals(
                OutcomesExperiment.class.getName() + "#passes",
                passes.data().tags().get(ExperimentRun.TEST_TAG));
        assertEquals("FINISHED", passes.data().tags().get("lathe.junit.outcome"));

        String failure = tracker.runNamed("throwsOnBadInput").data().tags().get("lathe.junit.outcome_reason");
        assertEquals("LatheException: alpha must be >= 0, got -1.0", failure);
        assertTrue(
                tracker.runNamed("isAborted")
                        .data()
                        .tags()
                        .get("lathe.junit.outcome_reason")
                        .contains("no data today"),
                tracker.runNamed("isAborted").data().tags().toString());
        assertEquals(
                "disabled: not today",
                tracker.runNamed("isDisabled").data().tags().get("lathe.junit.outcome_reason"));
    }

    @Test
    void derivedSeedsMatchAnIndependentComputationAndMethodSeedsWin() {
        InMemoryTrackerProvider.reset(SeedsExperiment.STORE);
        execute(SeedsExperiment.class).testEvents().assertStatistics(s -> s.succeeded(2));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(SeedsExperiment.STORE);

        Run derived = tracker.runNamed("olsBeatsBaseline");
        assertEquals(
                Long.toString(PYTHON_SEED_GREEN_2023_OLS),
                derived.data().params().get("seed"));
        assertEquals(
                Long.toString(PYTHON_SEED_GREEN_2023_OLS),
                derived.data().params().get("injected_seed"));
        assertEquals("42", tracker.runNamed("fixedSeed").data().params().get("seed"));
        assertEquals("42", tracker.runNamed("fixedSeed").data().params().get("injected_seed"));
    }

    @Test
    void storeComesFromTheSystemPropertyAndClassSeedAppliesUnlessTheMethodSetsOne() {
        String location = "mem:from-property";
        InMemoryTrackerProvider.reset(location);
        String old = System.getProperty(LatheExperiment.STORE_PROPERTY);
        try {
            System.setProperty(LatheExperiment.STORE_PROPERTY, location);
            execute(ClassSeedExperiment.class).testEvents().assertStatistics(s -> s.succeeded(2));
        } finally {
            if (old == null) {
                System.clearProperty(LatheExperiment.STORE_PROPERTY);
            } else {
                System.setProperty(LatheExperiment.STORE_PROPERTY, old);
            }
        }
        InMemoryTracker tracker = InMemoryTrackerProvider.at(location);
        assertEquals(List.of("class-seed"), List.copyOf(tracker.experiments().keySet()));
        assertEquals("7", tracker.runNamed("usesClassSeed").data().params().get("injected_seed"));
        assertEquals("11", tracker.runNamed("methodWins").data().params().get("injected_seed"));
    }

    @Test
    void repetitionsGetTheirOwnRunsAndNestedClassesShareTheSession() {
        InMemoryTrackerProvider.reset(NestedAndRepeatedExperiment.STORE);
        execute(NestedAndRepeatedExperiment.class).testEvents().assertStatistics(s -> s.succeeded(3));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(NestedAndRepeatedExperiment.STORE);
        List<Run> repeated = tracker.runs().stream()
                .filter(r -> r.info().runName().equals("repeated"))
                .toList();
        assertEquals(2, repeated.size());
        assertTrue(repeated.stream().allMatch(r -> r.info().status() == RunStatus.FINISHED));
        assertEquals(
                List.of("repetition 1 of 2", "repetition 2 of 2"),
                repeated.stream()
                        .map(r -> r.data().tags().get("lathe.junit.display_name"))
                        .toList());
        assertEquals("yes", tracker.runNamed("innerTest").data().params().get("inner"));
        assertEquals(RunStatus.FINISHED, tracker.runNamed("innerTest").info().status());
        assertEquals(1, tracker.closeCount(), "one session for the class and its nested class");
    }

    @Test
    void seedsAreStableAndDistinctPerMethod() {
        assertEquals(PYTHON_SEED_GREEN_2023_OLS, Seeds.derive("green-2023", "olsBeatsBaseline"));
        assertTrue(Seeds.derive("green-2023", "olsBeatsBaseline") != Seeds.derive("green-2023", "ridge"));
        assertTrue(Seeds.derive("green-2023", "ridge") != Seeds.derive("green-2024", "ridge"));
    }
}
