package dev.lathe.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lathe.core.tracking.RunStatus;
import dev.lathe.junit.fixtures.UnknownSchemeExperiment;
import dev.lathe.junit.fixtures.UrlStoreExperiment;
import dev.lathe.testkit.InMemoryTracker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The extension's store setting is a location whose URL scheme picks the backend (ServiceLoader). */
class StoreUrlExtensionTest {

    @Test
    void aUrlStoreReachesTheBackendThatClaimsItsScheme() {
        InMemoryTrackerProvider.reset(UrlStoreExperiment.STORE);
        LatheExperimentExtensionTest.execute(UrlStoreExperiment.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1));
        InMemoryTracker tracker = InMemoryTrackerProvider.at(UrlStoreExperiment.STORE);
        assertEquals(List.of("url-store"), List.copyOf(tracker.experiments().keySet()));
        assertEquals(RunStatus.FINISHED, tracker.runNamed("logs").info().status());
        assertEquals(
                1.5, tracker.runNamed("logs").data().latestMetrics().get("rmse").value());
    }

    @Test
    void anUnknownSchemeFailsTheClassWithAnErrorNamingTheLocationAndTheBackends() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UnknownSchemeExperiment.class))
                .execute()
                .containerEvents()
                .failed()
                .list();
        assertEquals(1, failed.size());
        String message = failed.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
        assertTrue(
                message.contains("'" + UnknownSchemeExperiment.STORE + "'")
                        && message.contains("scheme 'nosuch'")
                        && message.contains("lathe-junit's tests (mem:)"),
                message);
    }
}
