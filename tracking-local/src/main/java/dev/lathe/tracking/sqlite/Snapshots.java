package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSnapshot;
import java.util.Map;
import java.util.TreeMap;

/** Converts a store {@link Run} to core's backend-neutral {@link RunSnapshot}. */
final class Snapshots {
    private Snapshots() {}

    static RunSnapshot of(Run run) {
        Map<String, Double> latest = new TreeMap<>();
        for (Metric m : run.data().latestMetrics().values()) {
            latest.put(m.key(), m.value());
        }
        return new RunSnapshot(
                run.info().runId(),
                run.info().runName(),
                run.info().status(),
                run.info().parentRunId(),
                run.data().params(),
                latest,
                run.data().tags());
    }
}
