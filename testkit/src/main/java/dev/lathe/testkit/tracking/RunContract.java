package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs: ids, generated names, status and times, soft delete, nesting, user, source, description. */
public interface RunContract extends StoreFixture {
    String NAME_PATTERN = "^[a-z]+-[a-z]+-\\d{1,3}$";

    @Test
    default void newRunHasHexIdGeneratedNameAndSystemTags(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            long before = System.currentTimeMillis();
            RunInfo info = newRun(store, "e");
            assertTrue(info.runId().matches("^[0-9a-f]{32}$"), info.runId());
            assertTrue(info.runName().matches(NAME_PATTERN), info.runName());
            assertEquals(RunStatus.RUNNING, info.status());
            assertTrue(info.startTime() >= before && info.startTime() <= System.currentTimeMillis());
            assertTrue(info.endTime().isEmpty());
            assertEquals(LifecycleStage.ACTIVE, info.lifecycleStage());
            assertEquals(System.getProperty("user.name"), info.userId());
            assertTrue(info.artifactUri().endsWith(info.runId() + "/artifacts"), info.artifactUri());
            Run run = store.getRun(info.runId());
            assertEquals(info, run.info());
            assertEquals(info.runName(), run.data().tags().get(MlflowTags.RUN_NAME));
            assertEquals(System.getProperty("user.name"), run.data().tags().get(MlflowTags.USER));
            assertEquals("LOCAL", run.data().tags().get(MlflowTags.SOURCE_TYPE));
            assertEquals(info.sourceName(), run.data().tags().get(MlflowTags.SOURCE_NAME));
            assertEquals(info.sourceVersion().orElse(null), run.data().tags().get(MlflowTags.GIT_COMMIT));
            info.sourceVersion().ifPresent(v -> assertTrue(v.matches("^[0-9a-f]{40}$"), v));
        }
    }

    @Test
    default void generatedNamesDiffer(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                names.add(newRun(store, "e").runName());
            }
            assertTrue(names.size() >= 18, "names should be random, got " + names);
        }
    }

    @Test
    default void givenNameDescriptionAndTagsAreKept(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("e");
            RunInfo info = store.createRun(RunSpec.builder(exp)
                    .runName("baseline")
                    .description("linear model on 2023-01")
                    .tag("model", "ridge")
                    .build());
            Run run = store.getRun(info.runId());
            assertEquals("baseline", run.info().runName());
            assertEquals("linear model on 2023-01", run.data().tags().get(MlflowTags.NOTE));
            assertEquals("ridge", run.data().tags().get("model"));
        }
    }

    @Test
    default void nestedRunsLinkToTheirParent(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo parent = newRun(store, "search");
            RunInfo child = store.createRun(RunSpec.builder(parent.experimentId())
                    .parentRunId(parent.runId())
                    .build());
            assertEquals(parent.runId(), child.parentRunId().orElseThrow());
            assertEquals(
                    parent.runId(), store.getRun(child.runId()).data().tags().get(MlflowTags.PARENT_RUN_ID));
            assertTrue(parent.parentRunId().isEmpty());
            LatheException e = assertThrows(
                    LatheException.class,
                    () -> store.createRun(RunSpec.builder(parent.experimentId())
                            .parentRunId("0123456789abcdef0123456789abcdef")
                            .build()));
            assertTrue(e.getMessage().contains("0123456789abcdef0123456789abcdef"), e.getMessage());
        }
    }

    @Test
    default void statusTransitionsSetEndTime(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo info = newRun(store, "e");
            store.updateRunStatus(info.runId(), RunStatus.SCHEDULED);
            assertEquals(RunStatus.SCHEDULED, store.getRun(info.runId()).info().status());
            assertTrue(store.getRun(info.runId()).info().endTime().isEmpty());
            store.updateRunStatus(info.runId(), RunStatus.KILLED);
            RunInfo ended = store.getRun(info.runId()).info();
            assertEquals(RunStatus.KILLED, ended.status());
            assertTrue(ended.endTime().getAsLong() >= ended.startTime());
        }
    }

    @Test
    default void activeRunHandleEndsFinishedOnClose(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("e");
            String runId;
            try (ActiveRun run = store.startRun(RunSpec.builder(exp).build())) {
                runId = run.runId();
                assertEquals(exp, run.experimentId());
            }
            assertEquals(RunStatus.FINISHED, store.getRun(runId).info().status());
            ActiveRun failed = store.startRun(RunSpec.builder(exp).build());
            failed.end(RunStatus.FAILED);
            failed.close();
            assertEquals(RunStatus.FAILED, store.getRun(failed.runId()).info().status());
            LatheException twice = assertThrows(LatheException.class, () -> failed.end(RunStatus.KILLED));
            assertTrue(twice.getMessage().contains("FAILED"), twice.getMessage());
            ActiveRun r = store.startRun(RunSpec.builder(exp).build());
            assertThrows(LatheException.class, () -> r.end(RunStatus.RUNNING));
            r.close();
        }
    }

    @Test
    default void softDeleteAndRestoreRun(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo info = newRun(store, "e");
            store.deleteRun(info.runId());
            assertEquals(
                    LifecycleStage.DELETED, store.getRun(info.runId()).info().lifecycleStage());
            assertThrows(LatheException.class, () -> store.deleteRun(info.runId()));
            LatheException e = assertThrows(LatheException.class, () -> store.logParam(info.runId(), "a", "1"));
            assertTrue(e.getMessage().contains("deleted"), e.getMessage());
            store.restoreRun(info.runId());
            assertEquals(
                    LifecycleStage.ACTIVE, store.getRun(info.runId()).info().lifecycleStage());
            store.logParam(info.runId(), "a", "1");
        }
    }

    @Test
    default void unknownRunIsAClearError(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            LatheException e = assertThrows(LatheException.class, () -> store.getRun("nope"));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
            assertThrows(LatheException.class, () -> store.resumeRun("nope"));
        }
    }

    @Test
    default void resumeReopensAnEndedRunAsRunning(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo info = newRun(store, "e");
            store.updateRunStatus(info.runId(), RunStatus.FAILED);
            try (ActiveRun again = store.resumeRun(info.runId())) {
                assertEquals(
                        RunStatus.RUNNING, store.getRun(info.runId()).info().status());
                assertTrue(store.getRun(info.runId()).info().endTime().isEmpty());
                again.logParam("resumed", "yes");
                again.logMetric("m", 2.0, 1);
            }
            Run run = store.getRun(info.runId());
            assertEquals("yes", run.data().params().get("resumed"));
            assertEquals(2.0, run.data().latestMetrics().get("m").value());
            assertEquals(RunStatus.FINISHED, run.info().status());
            store.deleteRun(info.runId());
            assertThrows(LatheException.class, () -> store.resumeRun(info.runId()));
        }
    }
}
