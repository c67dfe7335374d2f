package dev.lathe.core.tracking;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Run metadata: id, experiment, name, user, status, times, artifact root, stage, source, parent, and
 * when the run was deleted (empty while it is active), which MLflow's file store keeps as deleted_time.
 */
public record RunInfo(
        String runId,
        String experimentId,
        String runName,
        String userId,
        RunStatus status,
        long startTime,
        OptionalLong endTime,
        LifecycleStage lifecycleStage,
        String artifactUri,
        String sourceName,
        Optional<String> sourceVersion,
        Optional<String> parentRunId,
        OptionalLong deletedTime) {}
