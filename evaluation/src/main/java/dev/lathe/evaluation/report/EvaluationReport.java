package dev.lathe.evaluation.report;

import dev.lathe.core.model.ModelProvenance;
import dev.lathe.evaluation.drift.DriftReport;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.SegmentError;
import java.util.List;
import java.util.Optional;

/**
 * The content of an evaluation report, computed once by {@link ReportBuilder} and rendered the same
 * way to HTML ({@link HtmlReport}), JSON ({@link JsonReport}) and Markdown ({@link MarkdownReport}):
 * metrics, distributions, residuals, and the optional sections that were given.
 */
public final class EvaluationReport {
    private final String title;
    private final String targetLabel;
    private final RegressionEvaluation metrics;
    private final Histogram actual;
    private final Histogram predicted;
    private final Histogram residuals;
    private final ScatterSample residualSample;
    private final List<FeatureImportance> importances;
    private final LearningCurve learningCurve;
    private final SearchHistory searchHistory;
    private final String segmentLabel;
    private final List<SegmentError> segments;
    private final DriftReport drift;
    private final ModelProvenance provenance;
    private final List<DatasetSummary> datasets;

    EvaluationReport(
            String title,
            String targetLabel,
            RegressionEvaluation metrics,
            Histogram actual,
            Histogram predicted,
            Histogram residuals,
            ScatterSample residualSample,
            List<FeatureImportance> importances,
            LearningCurve learningCurve,
            SearchHistory searchHistory,
            String segmentLabel,
            List<SegmentError> segments,
            DriftReport drift,
            ModelProvenance provenance,
            List<DatasetSummary> datasets) {
        this.title = title;
        this.targetLabel = targetLabel;
        this.metrics = metrics;
        this.actual = actual;
        this.predicted = predicted;
        this.residuals = residuals;
        this.residualSample = residualSample;
        this.importances = List.copyOf(importances);
        this.learningCurve = learningCurve;
        this.searchHistory = searchHistory;
        this.segmentLabel = segmentLabel;
        this.segments = List.copyOf(segments);
        this.drift = drift;
        this.provenance = provenance;
        this.datasets = List.copyOf(datasets);
    }

    public String title() {
        return title;
    }

    /** What the target is, for axis titles. */
    public String targetLabel() {
        return targetLabel;
    }

    public RegressionEvaluation metrics() {
        return metrics;
    }

    /** Histogram of the actual target, on the same edges as {@link #predicted()}. */
    public Histogram actual() {
        return actual;
    }

    public Histogram predicted() {
        return predicted;
    }

    /** Histogram of residuals {@code actual - predicted}. */
    public Histogram residuals() {
        return residuals;
    }

    /** Sampled (prediction, residual) points. */
    public ScatterSample residualSample() {
        return residualSample;
    }

    /** Top feature importances, largest first (empty when not given). */
    public List<FeatureImportance> importances() {
        return importances;
    }

    public Optional<LearningCurve> learningCurve() {
        return Optional.ofNullable(learningCurve);
    }

    public Optional<SearchHistory> searchHistory() {
        return Optional.ofNullable(searchHistory);
    }

    /** What the segments are (e.g. "Pickup location"); empty string when no segments were given. */
    public String segmentLabel() {
        return segmentLabel;
    }

    public List<SegmentError> segments() {
        return segments;
    }

    public Optional<DriftReport> drift() {
        return Optional.ofNullable(drift);
    }

    public Optional<ModelProvenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    public List<DatasetSummary> datasets() {
        return datasets;
    }
}
