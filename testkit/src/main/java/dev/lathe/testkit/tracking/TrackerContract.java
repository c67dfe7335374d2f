package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.InvalidStateException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunScope;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Tracker} contract, operation by operation, with the error kind of each broken rule: every
 * backend passes it (the SQLite store through {@link TrackingStoreContract}, the in-memory tracker on
 * its own). A backend test implements {@link #newTracker(Path)}.
 */
public interface TrackerContract {
    /** A new, empty tracker rooted at (or configured for) {@code dir}. */
    Tracker newTracker(Path dir);

    /** Starts and ends a run so that the next one starts in a later millisecond. */
    private static String finishedRun(Tracker t, String exp, String name, Map<String, String> tags, RunStatus end) {
        RunSpec.Builder spec = RunSpec.builder(exp).runName(name);
        tags.forEach(spec::tag);
        ActiveRun run = t.startRun(spec.build());
        run.end(end);
        long started = t.getRun(run.runId()).info().startTime();
        while (System.currentTimeMillis() <= started) {
            Thread.onSpinWait();
        }
        return run.runId();
    }

    @Test
    default void experimentsAreFoundOrCreatedByName(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String a = t.getOrCreateExperiment("a");
            assertEquals(a, t.getOrCreateExperiment("a"));
            assertNotEquals(a, t.getOrCreateExperiment("b"));
            assertTrue(!t.location().isBlank(), "location names where runs are kept");
        }
    }

    @Test
    default void aStartedRunReadsBackAsLoggedAndEndsOnClose(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("e");
            DatasetInput input = new DatasetInput("jan", "abc123", "jan.parquet", "[\"x\"]", 10, "train");
            String runId;
            try (ActiveRun run = t.startRun(RunSpec.builder(exp)
                    .runName("fit")
                    .description("a note")
                    .tag("model", "ridge")
                    .build())) {
                runId = run.runId();
                assertEquals(exp, run.experimentId());
                run.logParam("alpha", "1.0");
                run.logParam("alpha", "1.0");
                run.logParams(Map.of("tol", "1e-6"));
                run.logMetric("rmse", 7.0, 0);
                run.logMetrics(Map.of("rmse", 6.0, "mae", 4.0), 1);
                run.setTag("phase", "fit");
                run.logInput(input);
                Run running = t.getRun(runId);
                assertEquals(RunStatus.RUNNING, running.info().status());
                assertTrue(running.info().endTime().isEmpty());
            }
            Run run = t.getRun(runId);
            assertEquals(runId, run.info().runId());
            assertEquals(exp, run.info().experimentId());
            assertEquals("fit", run.info().runName());
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertTrue(run.info().endTime().getAsLong() >= run.info().startTime());
            assertEquals(Optional.empty(), run.info().parentRunId());
            assertEquals(Map.of("alpha", "1.0", "tol", "1e-6"), run.data().params());
            assertEquals(6.0, run.data().latestMetrics().get("rmse").value());
            assertEquals(1, run.data().latestMetrics().get("rmse").step());
            assertEquals(4.0, run.data().latestMetrics().get("mae").value());
            assertEquals("ridge", run.data().tags().get("model"));
            assertEquals("fit", run.data().tags().get("phase"));
            assertEquals("fit", run.data().tags().get(MlflowTags.RUN_NAME));
            assertEquals("a note", run.data().tags().get(MlflowTags.NOTE));
            assertEquals(List.of(input), run.inputs().datasets());
        }
    }

    @Test
    default void theLatestMetricIsTheOneAtTheHighestStep(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            try (ActiveRun run =
                    t.startRun(RunSpec.builder(t.getOrCreateExperiment("e")).build())) {
                run.logMetric("rmse", 5.0, 2);
                run.logMetric("rmse", 3.0, 1);
                run.flush();
                assertEquals(
                        5.0,
                        t.getRun(run.runId()).data().latestMetrics().get("rmse").value());
            }
        }
    }

    @Test
    default void brokenRulesThrowTheirKind(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> t.getRun("nope"));
            assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
            assertThrows(ResourceNotFoundException.class, () -> t.resumeRun("nope"));
            assertThrows(ResourceNotFoundException.class, () -> t.childRuns("nope"));
            String exp = t.getOrCreateExperiment("e");
            assertThrows(
                    ResourceNotFoundException.class,
                    () -> t.startRun(RunSpec.builder(exp)
                            .parentRunId("0123456789abcdef0123456789abcdef")
                            .build()));
            ActiveRun run = t.startRun(RunSpec.builder(exp).build());
            run.logParam("alpha", "0.1");
            InvalidParameterException changed =
                    assertThrows(InvalidParameterException.class, () -> run.logParam("alpha", "0.2"));
            assertTrue(changed.getMessage().contains("'0.1'")
                    && changed.getMessage().contains("'0.2'"));
            assertThrows(InvalidParameterException.class, () -> run.end(RunStatus.RUNNING));
            run.end(RunStatus.FAILED);
            InvalidStateException twice = assertThrows(InvalidStateException.class, () -> run.end(RunStatus.KILLED));
            assertTrue(twice.getMessage().contains("FAILED"), twice.getMessage());
            assertThrows(InvalidStateException.class, () -> run.logMetric("m", 1.0, 0));
            assertThrows(InvalidStateException.class, () -> run.setTag("k", "v"));
            assertEquals(RunStatus.FAILED, t.getRun(run.runId()).info().status());
        }
    }

    /** MLflow's {@code with mlflow.start_run():}: an escaping exception ends the run FAILED and propagates. */
    @Test
    default void aRunScopeEndsFailedWhenItsBodyThrowsAndFinishedWhenItReturns(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("e");
            IllegalStateException thrown = new IllegalStateException("the fit blew up");
            List<String> ids = new ArrayList<>();
            IllegalStateException seen = assertThrows(
                    IllegalStateException.class,
                    () -> RunScope.run(t, RunSpec.builder(exp).runName("throws").build(), run -> {
                        ids.add(run.runId());
                        run.logParam("alpha", "0.1");
                        throw thrown;
                    }));
            assertSame(thrown, seen, "the body's exception propagates unchanged");
            assertEquals(0, seen.getSuppressed().length);
            assertEquals(RunStatus.FAILED, t.getRun(ids.get(0)).info().status());
            assertTrue(t.getRun(ids.get(0)).info().endTime().isPresent());

            AssertionError error = new AssertionError("an error, not an exception");
            assertSame(
                    error,
                    assertThrows(
                            AssertionError.class,
                            () -> RunScope.run(t, RunSpec.builder(exp).build(), run -> {
                                ids.add(run.runId());
                                throw error;
                            })));
            assertEquals(RunStatus.FAILED, t.getRun(ids.get(1)).info().status());

            String returned = RunScope.call(t, RunSpec.builder(exp).build(), run -> {
                ids.add(run.runId());
                run.logMetric("m", 1.0, 0);
                return "value";
            });
            assertEquals("value", returned);
            assertEquals(RunStatus.FINISHED, t.getRun(ids.get(2)).info().status());

            String killed = RunScope.run(t, RunSpec.builder(exp).build(), run -> run.end(RunStatus.KILLED));
            assertEquals(RunStatus.KILLED, t.getRun(killed).info().status(), "a status the body set is kept");
        }
    }

    @Test
    default void resumeReopensAnEndedRun(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String id = finishedRun(t, t.getOrCreateExperiment("e"), "search", Map.of(), RunStatus.FAILED);
            try (ActiveRun again = t.resumeRun(id)) {
                Run reopened = t.getRun(id);
                assertEquals(RunStatus.RUNNING, reopened.info().status());
                assertEquals(OptionalLong.empty(), reopened.info().endTime());
                again.logParam("resumed", "yes");
            }
            assertEquals(RunStatus.FINISHED, t.getRun(id).info().status());
            assertEquals("yes", t.getRun(id).data().params().get("resumed"));
        }
    }

    @Test
    default void childRunsAreTheParentsTrialsOldestFirst(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("search");
            ActiveRun parent = t.startRun(RunSpec.builder(exp).runName("search").build());
            List<String> children = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                try (ActiveRun trial = t.startRun(RunSpec.builder(exp)
                        .runName("trial-" + i)
                        .parentRunId(parent.runId())
                        .build())) {
                    trial.logParam("alpha", Double.toString(i / 10.0));
                    trial.logMetric("rmse", 10.0 - i, 0);
                    children.add(trial.runId());
                }
            }
            List<Run> runs = t.childRuns(parent.runId());
            assertEquals(children, runs.stream().map(r -> r.info().runId()).toList());
            Run last = runs.get(2);
            assertEquals("trial-2", last.info().runName());
            assertEquals(Optional.of(parent.runId()), last.info().parentRunId());
            assertEquals(parent.runId(), last.data().tags().get(MlflowTags.PARENT_RUN_ID));
            assertEquals("0.2", last.data().params().get("alpha"));
            assertEquals(8.0, last.data().latestMetrics().get("rmse").value());
            assertEquals(List.of(), t.childRuns(children.get(0)));
            assertEquals(RunStatus.RUNNING, t.getRun(parent.runId()).info().status());
            parent.close();
        }
    }

    @Test
    default void findRunsFiltersByTagsAndStatusNewestFirst(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("tests");
            String other = t.getOrCreateExperiment("other");
            String quoted = "Duration's test #1";
            String old = finishedRun(t, exp, "old", Map.of("lathe.test", quoted), RunStatus.FINISHED);
            finishedRun(t, exp, "failed", Map.of("lathe.test", quoted), RunStatus.FAILED);
            String newer = finishedRun(t, exp, "newer", Map.of("lathe.test", quoted), RunStatus.FINISHED);
            finishedRun(t, exp, "other-test", Map.of("lathe.test", "B#t"), RunStatus.FINISHED);
            finishedRun(t, other, "elsewhere", Map.of("lathe.test", quoted), RunStatus.FINISHED);

            RunQuery passing =
                    RunQuery.inExperiment(exp).withTag("lathe.test", quoted).withStatus(RunStatus.FINISHED);
            assertEquals(
                    List.of(newer, old),
                    t.findRuns(passing).stream().map(r -> r.info().runId()).toList());
            assertEquals(
                    List.of(newer),
                    t.findRuns(passing.limit(1)).stream()
                            .map(r -> r.info().runId())
                            .toList());
            assertEquals(
                    List.of("other-test", "newer", "failed", "old"),
                    t.findRuns(RunQuery.inExperiment(exp)).stream()
                            .map(r -> r.info().runName())
                            .toList());
            assertEquals(List.of(), t.findRuns(RunQuery.inExperiment(exp).withTag("lathe.test", "none")));
            assertThrows(InvalidParameterException.class, () -> RunQuery.inExperiment(exp)
                    .limit(0));
        }
    }

    @Test
    default void writeRunsAppliesABatchWithItsOwnTimes(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("batch");
            RunSpec parentSpec = RunSpec.builder(exp).runName("search").build();
            List<String> ids = t.writeRuns(List.of(
                    RunWrite.create(parentSpec, 1_000).build(),
                    RunWrite.create(RunSpec.builder(exp).runName("done").build(), 2_000)
                            .param("alpha", "0.5")
                            .metric("rmse", 9.0, 0, 2_010)
                            .metric("rmse", 8.0, 1, 2_020)
                            .tag("state", "COMPLETE")
                            .end(RunStatus.FINISHED, 3_000)
                            .build()));
            assertEquals(2, ids.size());
            Run parent = t.getRun(ids.get(0));
            assertEquals(1_000, parent.info().startTime());
            assertEquals(RunStatus.RUNNING, parent.info().status());
            Run done = t.getRun(ids.get(1));
            assertEquals(2_000, done.info().startTime());
            assertEquals(OptionalLong.of(3_000), done.info().endTime());
            assertEquals(RunStatus.FINISHED, done.info().status());
            assertEquals(Map.of("alpha", "0.5"), done.data().params());
            assertEquals(8.0, done.data().latestMetrics().get("rmse").value());
            assertEquals(2_020, done.data().latestMetrics().get("rmse").timestamp());
            assertEquals("COMPLETE", done.data().tags().get("state"));

            String child = t.writeRuns(List.of(RunWrite.create(
                                    RunSpec.builder(exp).parentRunId(ids.get(0)).build(), 4_000)
                            .build()))
                    .get(0);
            assertEquals(
                    List.of(child),
                    t.childRuns(ids.get(0)).stream().map(r -> r.info().runId()).toList());
            assertEquals(
                    List.of(ids.get(0)),
                    t.writeRuns(List.of(RunWrite.update(ids.get(0))
                            .end(RunStatus.KILLED, 5_000)
                            .build())));
            assertEquals(RunStatus.KILLED, t.getRun(ids.get(0)).info().status());
        }
    }

    @Test
    default void aBatchThatBreaksARuleWritesNothing(@TempDir Path dir) {
        try (Tracker t = newTracker(dir)) {
            String exp = t.getOrCreateExperiment("batch");
            String existing = t.writeRuns(
                            List.of(RunWrite.create(RunSpec.builder(exp).build(), 1)
                                    .param("alpha", "0.1")
                                    .build()))
                    .get(0);
            List<RunWrite> changedParam = List.of(
                    RunWrite.create(RunSpec.builder(exp).runName("new-1").build(), 2)
                            .build(),
                    RunWrite.update(existing).metric("rmse", 1.0, 0, 5).build(),
                    RunWrite.update(existing).param("alpha", "0.2").build());
            InvalidParameterException e =
                    assertThrows(InvalidParameterException.class, () -> t.writeRuns(changedParam));
            assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("'0.2'"), e.getMessage());
            assertThrows(
                    ResourceNotFoundException.class,
                    () -> t.writeRuns(List.of(
                            RunWrite.create(
                                            RunSpec.builder(exp)
                                                    .runName("new-2")
                                                    .build(),
                                            3)
                                    .build(),
                            RunWrite.update("0123456789abcdef0123456789abcdef")
                                    .tag("k", "v")
                                    .build())));
            assertEquals(1, t.findRuns(RunQuery.inExperiment(exp)).size(), "no run of a failed batch remains");
            Run unchanged = t.getRun(existing);
            assertEquals(Map.of("alpha", "0.1"), unchanged.data().params());
            assertTrue(unchanged.data().latestMetrics().isEmpty());

            t.writeRuns(
                    List.of(RunWrite.update(existing).end(RunStatus.FINISHED, 6).build()));
            InvalidStateException ended = assertThrows(
                    InvalidStateException.class,
                    () -> t.writeRuns(List.of(
                            RunWrite.update(existing).metric("m", 1, 0, 7).build())));
            assertTrue(ended.getMessage().contains("FINISHED"), ended.getMessage());
        }
    }
}
