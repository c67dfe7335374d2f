package dev.lathe.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.testkit.tracking.TrackerContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory tracker passes the same tracker contract as the SQLite store, plus its read-back helpers. */
class InMemoryTrackerTest implements TrackerContract {
    @Override
    public Tracker newTracker(Path dir) {
        return new InMemoryTracker(dir.toString());
    }

    @Test
    void historiesArtifactsAndParamWritesReadBack() {
        InMemoryTracker t = new InMemoryTracker();
        String id;
        try (ActiveRun run =
                t.startRun(RunSpec.builder(t.getOrCreateExperiment("e")).build())) {
            id = run.runId();
            run.logMetric("rmse", 3.0, 0);
            run.logMetric("rmse", 2.0, 1);
            run.logParam("a", "1");
            run.logParam("a", "1");
            run.logArtifact("model/model.lathe", new byte[] {1, 2});
        }
        assertEquals(
                List.of(0L, 1L),
                t.getMetricHistory(id, "rmse").stream().map(Metric::step).toList());
        assertEquals(2, t.paramWrites(id));
        assertArrayEquals(new byte[] {1, 2}, t.artifacts(id).get("model/model.lathe"));
        String failed = t.writeRuns(List.of(RunWrite.create(
                                RunSpec.builder(t.getOrCreateExperiment("e")).build(), 5)
                        .artifact("error/stacktrace.txt", new byte[] {3})
                        .end(RunStatus.FAILED, 6)
                        .build()))
                .get(0);
        assertArrayEquals(new byte[] {3}, t.artifacts(failed).get("error/stacktrace.txt"));
        t.close();
        assertEquals(1, t.closeCount());
        assertEquals(id, t.runs().get(0).info().runId());
    }
}
