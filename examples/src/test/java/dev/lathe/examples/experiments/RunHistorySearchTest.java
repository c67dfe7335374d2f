package dev.lathe.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSnapshot;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.junit.ExperimentRun;
import dev.lathe.junit.RunHistory;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run history through the SQLite store's MLflow-grammar search finds the newest passing run of a test and nothing else. */
class RunHistorySearchTest {
    @Test
    void newestFinishedRunWithTheTagWinsFailedAndOtherTestsAreIgnored(@TempDir Path dir) throws Exception {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            RunHistory history = RunHistory.of(store);
            String exp = store.getOrCreateExperiment("history");
            assertEquals(Optional.empty(), history.lastFinishedRun(exp, ExperimentRun.TEST_TAG, "A#t", "none"));

            String older = run(store, exp, "A#t", 6.0, RunStatus.FINISHED);
            String newer = run(store, exp, "A#t", 6.1, RunStatus.FINISHED);
            run(store, exp, "A#t", 9.9, RunStatus.FAILED);
            run(store, exp, "B#t", 1.0, RunStatus.FINISHED);

            RunSnapshot found = history.lastFinishedRun(exp, ExperimentRun.TEST_TAG, "A#t", "none")
                    .orElseThrow();
            assertEquals(newer, found.runId());
            assertEquals(6.1, found.latestMetrics().get("validation_rmse"));
            assertEquals(
                    older,
                    history.lastFinishedRun(exp, ExperimentRun.TEST_TAG, "A#t", newer)
                            .orElseThrow()
                            .runId(),
                    "excluding the newest gives the one before");
            assertTrue(history.lastFinishedRun(exp, ExperimentRun.TEST_TAG, "C#t", "none")
                    .isEmpty());
        }
    }

    private static String run(SqliteTrackingStore store, String exp, String test, double rmse, RunStatus status)
            throws InterruptedException {
        Thread.sleep(5); // distinct start times, which order the history
        try (ActiveRun r = store.startRun(
                RunSpec.builder(exp).tag(ExperimentRun.TEST_TAG, test).build())) {
            r.logMetric("validation_rmse", rmse, 0);
            r.end(status);
            return r.runId();
        }
    }
}
