package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TimedTracker;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TimedTracker forwards every call to a real store unchanged and counts and times each operation. */
class TimedTrackerTest {
    @Test
    void forwardsEveryCallAndCountsEachOperation(@TempDir Path dir) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            TimedTracker timed = new TimedTracker(store);
            String experiment = timed.getOrCreateExperiment("timed");
            String runId;
            try (ActiveRun run =
                    timed.startRun(RunSpec.builder(experiment).runName("r").build())) {
                runId = run.runId();
                run.logParam("alpha", "0.5");
                run.logMetric("rmse", 6.0, 0);
                run.logMetric("rmse", 5.5, 1);
                run.setTag("stage", "test");
                run.end(RunStatus.FINISHED);
            }
            Run stored = store.getRun(runId);
            assertEquals("0.5", stored.data().params().get("alpha"));
            assertEquals(5.5, stored.data().latestMetrics().get("rmse").value());
            assertEquals("test", stored.data().tags().get("stage"));
            assertEquals(RunStatus.FINISHED, stored.info().status());

            SortedMap<String, TimedTracker.CallTime> calls = timed.calls();
            Map<String, Long> counts = Map.of(
                    "getOrCreateExperiment",
                    1L,
                    "startRun",
                    1L,
                    "logParam",
                    1L,
                    "logMetric",
                    2L,
                    "setTag",
                    1L,
                    "end",
                    1L,
                    "run.close",
                    1L);
            counts.forEach((op, n) -> assertEquals(n, calls.get(op).calls(), op));
            assertEquals(counts.keySet(), calls.keySet());
            long sum = calls.values().stream()
                    .mapToLong(TimedTracker.CallTime::nanos)
                    .sum();
            assertEquals(sum, timed.totalNanos());
            assertTrue(calls.values().stream().allMatch(c -> c.nanos() > 0), calls.toString());
        }
    }
}
