package dev.lathe.core.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * The metric's points with steps in {@code firstStep..lastStep}, thinned for a chart to at most
     * {@code maxPoints} by {@link HistorySampler}. Backends override it to stream instead of loading
     * every point.
     */
    default List<Metric> sampleMetricHistory(String runId, String key, long firstStep, long lastStep, int maxPoints) {
        List<Metric> inRange = getMetricHistory(runId, key).stream()
                .filter(m -> m.step() >= firstStep && m.step() <= lastStep)
                .toList();
        return HistorySampler.sample(inRange, maxPoints);
    }

    /**
     * The min, max and count of each of {@code keys} in each of {@code runIds}, for the pairs that have
     * a non-NaN point. Backends override it with one query.
     */
    default List<MetricSummary> summarizeMetrics(Collection<String> runIds, Collection<String> keys) {
        List<MetricSummary> out = new ArrayList<>();
        for (String runId : runIds) {
            for (String key : keys) {
                DoubleSummaryStatistics s = getMetricHistory(runId, key).stream()
                        .mapToDouble(Metric::value)
                        .filter(v -> !Double.isNaN(v))
                        .summaryStatistics();
                if (s.getCount() > 0) {
                    out.add(new MetricSummary(runId, key, s.getMin(), s.getMax(), s.getCount()));
                }
            }
        }
        return out;
    }

    /**
     * The {@code kind} keys logged by runs of the experiment whose names contain {@code contains}
     * (ignoring case; empty for all), in name order, at most {@code maxResults} of them, and the number
     * that match. System tags ({@code mlflow.*}) are not listed. Backends override it with an index.
     */
    default KeyMatches searchKeys(String experimentId, RunDataKind kind, String contains, int maxResults) {
        String needle = contains.toLowerCase(Locale.ROOT);
        TreeSet<String> keys = new TreeSet<>();
        String token = null;
        do {
            Page<Run> page = searchRuns(List.of(experimentId), null, List.of(), 1000, token, ViewType.ALL);
            for (Run run : page.items()) {
                Set<String> logged =
                        switch (kind) {
                            case METRIC -> run.data().latestMetrics().keySet();
                            case PARAM -> run.data().params().keySet();
                            case TAG -> run.data().tags().keySet();
                        };
                for (String key : logged) {
                    if (key.toLowerCase(Locale.ROOT).contains(needle)
                            && !(kind == RunDataKind.TAG && key.startsWith(MlflowTags.SYSTEM_PREFIX))) {
                        keys.add(key);
                    }
                }
            }
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return new KeyMatches(keys.stream().limit(maxResults).toList(), keys.size());
    }

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
