package dev.lathe.core.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment-tracking store with MLflow semantics, independent of its backend (embedded SQLite
 * now, PostgreSQL later): the {@link Tracker} contract plus experiments, run lifecycle, params,
 * metrics, tags, inputs, artifacts, search with MLflow's filter grammar and the model registry. Every
 * backend runs the same contract tests ({@code dev.lathe.testkit.tracking.TrackingStoreContract}).
 * Errors are {@link dev.lathe.core.LatheException}s by cause ({@link dev.lathe.core.ErrorCode}) that
 * name the entity, the rule and the offending value.
 */
public interface TrackingStore extends Tracker {

    // ---- experiments ----

    /** Creates an experiment; {@code artifactLocation} null means {@code <store>/artifacts/<id>}. */
    String createExperiment(String name, String artifactLocation, Map<String, String> tags);

    default String createExperiment(String name) {
        return createExperiment(name, null, Map.of());
    }

    /** The experiment with this id, active or deleted; throws when there is none. */
    Experiment getExperiment(String experimentId);

    /** The experiment with this name, active or deleted. */
    Optional<Experiment> getExperimentByName(String name);

    List<Experiment> listExperiments(ViewType viewType);

    void renameExperiment(String experimentId, String newName);

    /** Soft delete: the experiment and its runs move to lifecycle stage 'deleted'. */
    void deleteExperiment(String experimentId);

    void restoreExperiment(String experimentId);

    void setExperimentTag(String experimentId, String key, String value);

    // ---- runs ----

    /** Creates a RUNNING run and returns its info; use {@link #startRun} for a logging handle. */
    RunInfo createRun(RunSpec spec);

    /** Sets the status; a terminal status also sets the end time. */
    void updateRunStatus(String runId, RunStatus status);

    void deleteRun(String runId);

    void restoreRun(String runId);

    void logParam(String runId, String key, String value);

    void logMetric(String runId, Metric metric);

    void setTag(String runId, String key, String value);

    void deleteTag(String runId, String key);

    /** Logs metrics, params and tags in one transaction, validated first with MLflow's limits. */
    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags);

    void logInputs(String runId, List<DatasetInput> inputs);

    /** Every point of the metric, ordered by step, then timestamp. */
    List<Metric> getMetricHistory(String runId, String key);

    // ---- artifacts ----

    void logArtifact(String runId, String path, byte[] content);

    /** Copies a local file or directory under {@code artifactPath} ("" for the root). */
    void logArtifacts(String runId, Path local, String artifactPath);

    List<ArtifactInfo> listArtifacts(String runId, String path);

    byte[] readArtifact(String runId, String path);

    /** Copies an artifact file or directory into {@code destinationDir}; returns the copy. */
    Path downloadArtifacts(String runId, String path, Path destinationDir);

    /** The local path of an artifact (which may not exist yet). */
    Path artifactPath(String runId, String path);

    // ---- search ----

    Page<Run> searchRuns(
            List<String> experimentIds,
            String filter,
            List<String> orderBy,
            int maxResults,
            String pageToken,
            ViewType viewType);

    Page<Experiment> searchExperiments(
            String filter, List<String> orderBy, int maxResults, String pageToken, ViewType viewType);

    // ---- registry and lifecycle ----

    ModelRegistry registry();

    /** Waits until everything logged asynchronously so far is durable. */
    void flush();
}
