package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.InvalidStateException;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceExistsException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each broken rule of the store throws the exception of its cause, with MLflow's error code, so that a
 * caller (the CLI's exit codes, a REST server's statuses) reacts the same to every backend.
 */
public interface ErrorCodeContract extends StoreFixture {
    private static <T extends LatheException> void assertKind(
            Class<T> kind, ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(kind, call);
        assertEquals(code, e.errorCode(), e.getMessage());
    }

    @Test
    default void experimentErrorsByCause(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            store.createExperiment("a");
            assertKind(
                    ResourceExistsException.class,
                    ErrorCode.RESOURCE_ALREADY_EXISTS,
                    () -> store.createExperiment("a"));
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> store.getExperiment("987654"));
            assertKind(
                    InvalidParameterException.class,
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    () -> store.createExperiment(""));
            String b = store.createExperiment("b");
            store.deleteExperiment(b);
            assertKind(InvalidStateException.class, ErrorCode.INVALID_STATE, () -> store.getOrCreateExperiment("b"));
            assertKind(InvalidStateException.class, ErrorCode.INVALID_STATE, () -> store.deleteExperiment(b));
            assertKind(
                    ResourceExistsException.class,
                    ErrorCode.RESOURCE_ALREADY_EXISTS,
                    () -> store.renameExperiment(store.getOrCreateExperiment("c"), "a"));
        }
    }

    @Test
    default void runErrorsByCause(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            RunInfo deleted = newRun(store, "e");
            store.deleteRun(deleted.runId());
            assertKind(
                    InvalidStateException.class,
                    ErrorCode.INVALID_STATE,
                    () -> store.logParam(deleted.runId(), "a", "1"));
            assertKind(InvalidStateException.class, ErrorCode.INVALID_STATE, () -> store.deleteRun(deleted.runId()));
            assertKind(InvalidStateException.class, ErrorCode.INVALID_STATE, () -> store.resumeRun(deleted.runId()));
            RunInfo run = newRun(store, "e");
            assertKind(
                    InvalidParameterException.class,
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    () -> store.logMetric(run.runId(), Metric.now("bad*key", 1.0, 0)));
            assertKind(
                    InvalidParameterException.class,
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    () -> store.searchRuns(
                            List.of(run.experimentId()), "metrics.rmse <<< 1", List.of(), 10, null, ViewType.ALL));
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> store.readArtifact(run.runId(), "absent.bin"));
        }
    }

    @Test
    default void registryErrorsByCause(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            ModelRegistry reg = store.registry();
            reg.createRegisteredModel("m", null, Map.of());
            assertKind(
                    ResourceExistsException.class,
                    ErrorCode.RESOURCE_ALREADY_EXISTS,
                    () -> reg.createRegisteredModel("m", null, Map.of()));
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> reg.getRegisteredModel("nope"));
            RunInfo run = newRun(store, "e");
            store.logArtifact(run.runId(), "model/model.lathe", ModelIO.toBytes(new ConstantModel(1.0)));
            reg.createModelVersion("m", "runs:/" + run.runId() + "/model/model.lathe", run.runId(), null, Map.of());
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> reg.getModelVersion("m", 9));
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> reg.getModelVersionByAlias("m", "champion"));
            assertKind(
                    InvalidParameterException.class,
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    () -> reg.setAlias("m", "v1", 1));
            assertKind(
                    ResourceNotFoundException.class,
                    ErrorCode.RESOURCE_DOES_NOT_EXIST,
                    () -> reg.resolve("models:/zz/1"));
            assertKind(
                    InvalidParameterException.class,
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    () -> reg.resolve("models:/m/not-a-stage"));
        }
    }
}
