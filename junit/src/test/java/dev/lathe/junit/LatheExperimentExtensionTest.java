package dev.lathe.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.RunSnapshot;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.junit.fixtures.ClassSeedExperiment;
import dev.lathe.junit.fixtures.NestedAndRepeatedExperiment;
import dev.lathe.junit.fixtures.OutcomesExperiment;
import dev.lathe.junit.fixtures.SeedsExperiment;
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
        assertEquals(RunStatus.FINISHED, tracker.run("passes").status());
        assertEquals(RunStatus.FAILED, tracker.run("failsAnAssertion").status());
        assertEquals(RunStatus.FAILED, tracker.run("throwsOnBadInput").status());
        assertEquals(RunStatus.KILLED, tracker.run("isAborted").status());
        assertEquals(RunStatus.KILLED, tracker.run("isDisabled").status());
        assertEquals(1, tracker.closeCount(), "the tracker is closed once, after the class");
    }

    @Test
    void runsCarryTheTestIdentityTheOutcomeAndTheInjectedHandle() {
        InMemoryTrackerProvider.reset(OutcomesExperiment.STORE);
        execute(OutcomesExperiment.class);
        InMemoryTracker tracker = InMemoryTrackerProvider.at(OutcomesExperiment.STORE);

        RunSnapshot passes = tracker.run("passes");
        assertEquals(passes.runId(), passes.params().get("run_id_seen"));
        assertEquals(5.0, passes.latestMetrics().get("rmse"));
        assertEquals(
                OutcomesExperiment.class.getName() + "#passes", passes.tags().get(ExperimentRun.TEST_TAG));
        assertEquals("FINISHED", passes.tags().get("lathe.junit.outcome"));

        String failure = tracker.run("throwsOnBadInput").tags().get("lathe.junit.outcome_reason");
        assertEquals("LatheException: alpha must be >= 0, got -1.0", failure);
        assertTrue(
                tracker.run("isAborted")
                        .tags()
                        .get("lathe.junit.outcome_reason")
                        .contains("no data today"),
                tracker.run("isAborted").tags().toString());
        assertEquals("disabled: not today", tracker.run("isDisabled").tags().get("lathe.junit.outcome_reason"));
    }

    @Test
    void derivedSeedsMatchAnIndependentComputationAndMethodSeedsWin() {
        InMemoryTrackerProvider.reset(SeedsExperiment.STORE);
        execute(SeedsExperiment.class).testEvents().assertStatistics(s -> s.succeeded(2));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(SeedsExperiment.STORE);

        RunSnapshot derived = tracker.run("olsBeatsBaseline");
        assertEquals(Long.toString(PYTHON_SEED_GREEN_2023_OLS), derived.params().get("seed"));
        assertEquals(Long.toString(PYTHON_SEED_GREEN_2023_OLS), derived.params().get("injected_seed"));
        assertEquals("42", tracker.run("fixedSeed").params().get("seed"));
        assertEquals("42", tracker.run("fixedSeed").params().get("injected_seed"));
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
        assertEquals("7", tracker.run("usesClassSeed").params().get("injected_seed"));
        assertEquals("11", tracker.run("methodWins").params().get("injected_seed"));
    }

    @Test
    void repetitionsGetTheirOwnRunsAndNestedClassesShareTheSession() {
        InMemoryTrackerProvider.reset(NestedAndRepeatedExperiment.STORE);
        execute(NestedAndRepeatedExperiment.class).testEvents().assertStatistics(s -> s.succeeded(3));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(NestedAndRepeatedExperiment.STORE);
        List<RunSnapshot> repeated = tracker.runs().stream()
                .filter(r -> r.runName().equals("repeated"))
                .toList();
        assertEquals(2, repeated.size());
        assertTrue(repeated.stream().allMatch(r -> r.status() == RunStatus.FINISHED));
        assertEquals(
                List.of("repetition 1 of 2", "repetition 2 of 2"),
                repeated.stream()
                        .map(r -> r.tags().get("lathe.junit.display_name"))
                        .toList());
        assertEquals("yes", tracker.run("innerTest").params().get("inner"));
        assertEquals(RunStatus.FINISHED, tracker.run("innerTest").status());
        assertEquals(1, tracker.closeCount(), "one session for the class and its nested class");
    }

    @Test
    void seedsAreStableAndDistinctPerMethod() {
        assertEquals(PYTHON_SEED_GREEN_2023_OLS, Seeds.derive("green-2023", "olsBeatsBaseline"));
        assertTrue(Seeds.derive("green-2023", "olsBeatsBaseline") != Seeds.derive("green-2023", "ridge"));
        assertTrue(Seeds.derive("green-2023", "ridge") != Seeds.derive("green-2024", "ridge"));
    }
}
