package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code writeRuns}: many runs created, logged and ended in one call, all of it or none of it. */
public interface BatchWriteContract extends StoreFixture {

    private static List<Run> runsOf(TrackingStore store, String experimentId) {
        return store.searchRuns(List.of(experimentId), "", List.of(), 1000, null, ViewType.ALL)
                .items();
    }

    @Test
    default void createsUpdatesAndEndsRunsWithTheirOwnTimes(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("batch");
            String parent = store.createRun(
                            RunSpec.builder(exp).runName("search").build())
                    .runId();
            RunSpec child = RunSpec.builder(exp)
                    .runName("trial-0")
                    .parentRunId(parent)
                    .tag("lathe.trial", "0")
                    .build();
            List<String> ids = store.writeRuns(List.of(
                    RunWrite.create(child, 1_000)
                            .params(Map.of("alpha", "0.5", "trial", "0"))
                            .metric("rmse", 9.0, 0, 1_010)
                            .metric("rmse", 8.0, 1, 1_020)
                            .build(),
                    RunWrite.create(RunSpec.builder(exp).runName("finished").build(), 2_000)
                            .metric("score", 3.5, 0, 2_500)
                            .tag("state", "COMPLETE")
                            .end(RunStatus.FINISHED, 3_000)
                            .build()));
            assertEquals(2, ids.size());
            Run first = store.getRun(ids.get(0));
            assertEquals(1_000, first.info().startTime());
            assertEquals(RunStatus.RUNNING, first.info().status());
            assertEquals(parent, first.info().parentRunId().orElseThrow());
            assertEquals("trial-0", first.info().runName());
            assertEquals("0", first.data().tags().get("lathe.trial"));
            assertEquals(Map.of("alpha", "0.5", "trial", "0"), first.data().params());
            assertEquals(
                    List.of(new Metric("rmse", 9.0, 1_010, 0), new Metric("rmse", 8.0, 1_020, 1)),
                    store.getMetricHistory(ids.get(0), "rmse"));
            Run second = store.getRun(ids.get(1));
            assertEquals(RunStatus.FINISHED, second.info().status());
            assertEquals(OptionalLong.of(3_000), second.info().endTime());
            assertEquals("COMPLETE", second.data().tags().get("state"));

            List<String> again = store.writeRuns(List.of(RunWrite.update(ids.get(0))
                    .metric("rmse", 7.0, 2, 1_030)
                    .tag("state", "PRUNED")
                    .end(RunStatus.FAILED, 4_000)
                    .build()));
            assertEquals(List.of(ids.get(0)), again);
            Run ended = store.getRun(ids.get(0));
            assertEquals(RunStatus.FAILED, ended.info().status());
            assertEquals(OptionalLong.of(4_000), ended.info().endTime());
            assertEquals(7.0, ended.data().latestMetrics().get("rmse").value());
            assertEquals(3, store.getMetricHistory(ids.get(0), "rmse").size());
            assertEquals(3, runsOf(store, exp).size());
        }
    }

    @Test
    default void aFailingWriteLeavesNothingOfItsBatch(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("batch");
            String existing = store.createRun(RunSpec.builder(exp).build()).runId();
            store.logParam(existing, "alpha", "0.1");
            List<RunWrite> batch = List.of(
                    RunWrite.create(RunSpec.builder(exp).runName("new-1").build(), 1)
                            .param("alpha", "1")
                            .build(),
                    RunWrite.update(existing).metric("rmse", 1.0, 0, 5).build(),
                    RunWrite.update(existing).param("alpha", "0.2").build());
            LatheException e = assertThrows(LatheException.class, () -> store.writeRuns(batch));
            assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("'0.2'"), e.getMessage());
            assertEquals(1, runsOf(store, exp).size(), "the batch's new run was rolled back");
            assertEquals(List.of(), store.getMetricHistory(existing, "rmse"));
            assertEquals(Map.of("alpha", "0.1"), store.getRun(existing).data().params());
        }
    }

    @Test
    default void invalidKeysAndUnknownRunsAreRejectedBeforeAnythingIsWritten(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("batch");
            RunWrite good = RunWrite.create(RunSpec.builder(exp).build(), 1).build();
            LatheException badKey = assertThrows(
                    LatheException.class,
                    () -> store.writeRuns(List.of(
                            good,
                            RunWrite.create(RunSpec.builder(exp).build(), 1)
                                    .metric("bad*key", 1, 0, 1)
                                    .build())));
            assertTrue(badKey.getMessage().contains("bad*key"), badKey.getMessage());
            LatheException unknown = assertThrows(
                    LatheException.class,
                    () -> store.writeRuns(List.of(
                            good,
                            RunWrite.update("0123456789abcdef0123456789abcdef")
                                    .tag("k", "v")
                                    .build())));
            assertTrue(unknown.getMessage().contains("0123456789abcdef0123456789abcdef"), unknown.getMessage());
            assertEquals(0, runsOf(store, exp).size());
        }
    }

    @Test
    default void artifactsLandWithTheirBatchAndABadOneRollsItBack(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("batch");
            byte[] trace =
                    "java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n".getBytes(StandardCharsets.UTF_8);
            String id = store.writeRuns(
                            List.of(RunWrite.create(RunSpec.builder(exp).build(), 1)
                                    .artifact("error/stacktrace.txt", trace)
                                    .end(RunStatus.FAILED, 2)
                                    .build()))
                    .get(0);
            assertArrayEquals(trace, store.readArtifact(id, "error/stacktrace.txt"));
            assertEquals(RunStatus.FAILED, store.getRun(id).info().status());
            assertThrows(
                    InvalidParameterException.class,
                    () -> store.writeRuns(List.of(RunWrite.create(
                                    RunSpec.builder(exp).runName("escapes").build(), 3)
                            .artifact("../outside.txt", trace)
                            .build())));
            assertEquals(1, runsOf(store, exp).size(), "the run of the failed batch was rolled back");
        }
    }

    @Test
    default void anEndedRunTakesNoMoreMetrics(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("batch");
            String id = store.writeRuns(
                            List.of(RunWrite.create(RunSpec.builder(exp).build(), 1)
                                    .end(RunStatus.FINISHED, 2)
                                    .build()))
                    .get(0);
            LatheException e = assertThrows(
                    LatheException.class,
                    () -> store.writeRuns(
                            List.of(RunWrite.update(id).metric("m", 1, 0, 3).build())));
            assertTrue(e.getMessage().contains("FINISHED"), e.getMessage());
            assertEquals(RunStatus.FINISHED, store.getRun(id).info().status());
        }
    }

    @Test
    default void builderRulesNameTheOffendingValue() {
        RunWrite.Builder b = RunWrite.update("r").param("alpha", "1");
        LatheException changed = assertThrows(LatheException.class, () -> b.param("alpha", "2"));
        assertTrue(changed.getMessage().contains("'1'") && changed.getMessage().contains("'2'"));
        LatheException notTerminal = assertThrows(LatheException.class, () -> b.end(RunStatus.RUNNING, 1));
        assertTrue(notTerminal.getMessage().contains("RUNNING"));
        assertThrows(LatheException.class, () -> RunWrite.update(" "));
    }
}
