package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments: Default with id 0, unique names (deleted included), tags, soft delete, restore, rename. */
public interface ExperimentContract extends StoreFixture {

    @Test
    default void defaultExperimentHasIdZero(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            Experiment d = store.getExperiment("0");
            assertEquals("Default", d.name());
            assertEquals(LifecycleStage.ACTIVE, d.lifecycleStage());
            assertEquals("0", store.getOrCreateExperiment("Default"));
        }
    }

    @Test
    default void createAndReadBackWithTagsAndDefaultArtifactLocation(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = store.createExperiment("taxi", null, Map.of("team", "ml"));
            Experiment e = store.getExperiment(id);
            assertEquals("taxi", e.name());
            assertEquals(Map.of("team", "ml"), e.tags());
            assertTrue(e.artifactLocation().endsWith("artifacts/" + id), e.artifactLocation());
            assertEquals(e, store.getExperimentByName("taxi").orElseThrow());
            assertTrue(e.creationTime() > 0 && e.lastUpdateTime() >= e.creationTime());
            store.setExperimentTag(id, "team", "platform");
            assertEquals("platform", store.getExperiment(id).tags().get("team"));
        }
    }

    @Test
    default void explicitArtifactLocationIsKept(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String location = dir.resolve("elsewhere").toString();
            String id = store.createExperiment("x", location, Map.of());
            assertEquals(location, store.getExperiment(id).artifactLocation());
            RunInfo run = store.createRun(RunSpec.builder(id).build());
            assertTrue(run.artifactUri().startsWith(location), run.artifactUri());
        }
    }

    @Test
    default void namesAreUniqueAlsoAmongDeleted(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = store.createExperiment("dup");
            LatheException e = assertThrows(LatheException.class, () -> store.createExperiment("dup"));
            assertTrue(e.getMessage().contains("'dup' already exists"), e.getMessage());
            store.deleteExperiment(id);
            LatheException deleted = assertThrows(LatheException.class, () -> store.createExperiment("dup"));
            assertTrue(deleted.getMessage().contains("deleted"), deleted.getMessage());
            assertThrows(LatheException.class, () -> store.getOrCreateExperiment("dup"));
        }
    }

    @Test
    default void softDeleteAndRestoreAlsoMoveRuns(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = store.createExperiment("gone");
            RunInfo run = store.createRun(RunSpec.builder(id).build());
            store.deleteExperiment(id);
            assertEquals(LifecycleStage.DELETED, store.getExperiment(id).lifecycleStage());
            assertEquals(
                    LifecycleStage.DELETED, store.getRun(run.runId()).info().lifecycleStage());
            assertFalse(names(store.listExperiments(ViewType.ACTIVE_ONLY)).contains("gone"));
            assertEquals(List.of("gone"), names(store.listExperiments(ViewType.DELETED_ONLY)));
            assertTrue(names(store.listExperiments(ViewType.ALL)).containsAll(List.of("Default", "gone")));
            assertThrows(
                    LatheException.class,
                    () -> store.createRun(RunSpec.builder(id).build()));
            assertThrows(LatheException.class, () -> store.deleteExperiment(id));
            store.restoreExperiment(id);
            assertEquals(LifecycleStage.ACTIVE, store.getExperiment(id).lifecycleStage());
            assertEquals(LifecycleStage.ACTIVE, store.getRun(run.runId()).info().lifecycleStage());
            assertThrows(LatheException.class, () -> store.restoreExperiment(id));
        }
    }

    @Test
    default void renameChecksUniqueness(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String a = store.createExperiment("a");
            store.createExperiment("b");
            store.renameExperiment(a, "a2");
            assertEquals("a2", store.getExperiment(a).name());
            assertTrue(store.getExperimentByName("a").isEmpty());
            LatheException e = assertThrows(LatheException.class, () -> store.renameExperiment(a, "b"));
            assertTrue(e.getMessage().contains("'b'"), e.getMessage());
            assertThrows(LatheException.class, () -> store.renameExperiment(a, " "));
        }
    }

    @Test
    default void missingAndMalformedIdsAreClearErrors(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            LatheException missing = assertThrows(LatheException.class, () -> store.getExperiment("999"));
            assertTrue(missing.getMessage().contains("'999'"), missing.getMessage());
            LatheException bad = assertThrows(LatheException.class, () -> store.getExperiment("abc"));
            assertTrue(bad.getMessage().contains("'abc'"), bad.getMessage());
            assertTrue(store.getExperimentByName("nope").isEmpty());
            assertThrows(LatheException.class, () -> store.setExperimentTag("0", "bad key!", "v"));
        }
    }

    @Test
    default void experimentsSurviveReopen(@TempDir Path dir) {
        String id;
        try (TrackingStore store = newStore(dir)) {
            id = store.createExperiment("persisted", null, Map.of("k", "v"));
        }
        try (TrackingStore store = reopen(dir)) {
            assertEquals("persisted", store.getExperiment(id).name());
            assertEquals("v", store.getExperiment(id).tags().get("k"));
        }
    }

    private static List<String> names(List<Experiment> es) {
        return es.stream().map(Experiment::name).toList();
    }
}
