package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.evaluation.drift.DriftReport;
import dev.lathe.evaluation.metrics.PredictionInputs;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.evaluation.metrics.SegmentError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assembles an {@link EvaluationReport}: the title and the actual/predicted values are required, every
 * other section is optional. The residual scatter is subsampled with an explicit seed (default 0) to
 * at most {@code scatterPoints} (default 2000) points.
 */
public final class ReportBuilder {
    private final String title;
    private final double[] yTrue;
    private final double[] yPred;
    private String targetLabel = "target";
    private int histogramBins = 40;
    private int scatterPoints = 2000;
    private long seed;
    private int topFeatures = 20;
    private Map<String, Double> importances = Map.of();
    private LearningCurve learningCurve;
    private SearchHistory searchHistory;
    private String segmentLabel = "";
    private List<SegmentError> segments = List.of();
    private DriftReport drift;
    private ModelProvenance provenance;
    private final List<DatasetSummary> datasets = new ArrayList<>();

    public ReportBuilder(String title, double[] yTrue, double[] yPred) {
        LatheException.check(title != null && !title.isBlank(), "report title must not be blank");
        PredictionInputs.check(yTrue, yPred);
        this.title = title;
        this.yTrue = yTrue.clone();
        this.yPred = yPred.clone();
    }

    /** What the target is, with its unit, for axis titles (e.g. "trip duration (min)"). */
    public ReportBuilder targetLabel(String label) {
        LatheException.check(label != null && !label.isBlank(), "target label must not be blank");
        this.targetLabel = label;
        return this;
    }

    public ReportBuilder histogramBins(int bins) {
        LatheException.check(bins >= 2 && bins <= 500, "histogram bins must be in [2, 500], got %d", bins);
        this.histogramBins = bins;
        return this;
    }

    /** The seed and the maximum number of points of the residual scatter subsample. */
    public ReportBuilder scatterSample(int maxPoints, long seed) {
        LatheException.check(maxPoints >= 1, "scatter points must be >= 1, got %d", maxPoints);
        this.scatterPoints = maxPoints;
        this.seed = seed;
        return this;
    }

    /** Feature importances by name; the report shows the {@code top} largest. */
    public ReportBuilder featureImportances(Map<String, Double> importances, int top) {
        LatheException.check(top >= 1, "top features must be >= 1, got %d", top);
        this.importances = Map.copyOf(importances);
        this.topFeatures = top;
        return this;
    }

    public ReportBuilder learningCurve(LearningCurve curve) {
        this.learningCurve = curve;
        return this;
    }

    public ReportBuilder searchHistory(SearchHistory history) {
        this.searchHistory = history;
        return this;
    }

    /** Per-segment errors (already sorted as they should be shown) and what a segment is. */
    public ReportBuilder segments(String label, List<SegmentError> segments) {
        LatheException.check(label != null && !label.isBlank(), "segment label must not be blank");
        this.segmentLabel = label;
        this.segments = List.copyOf(segments);
        return this;
    }

    public ReportBuilder drift(DriftReport drift) {
        this.drift = drift;
        return this;
    }

    public ReportBuilder provenance(ModelProvenance provenance) {
        this.provenance = provenance;
        return this;
    }

    /** Records a dataset (name and digest) under a role such as "train" or "valid". */
    public ReportBuilder dataset(String role, Dataset dataset) {
        datasets.add(DatasetSummary.of(role, dataset));
        return this;
    }

    public EvaluationReport build() {
        RegressionEvaluation metrics = new RegressionEvaluator().evaluate(yTrue, yPred);
        double[] edges = Histogram.sharedEdges(histogramBins, yTrue, yPred);
        double[] residuals = new double[yTrue.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = yTrue[i] - yPred[i];
        }
        Histogram residualHist = Histogram.of(residuals, Histogram.sharedEdges(histogramBins, residuals));
        List<FeatureImportance> top = importances.entrySet().stream()
                .map(e -> new FeatureImportance(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble((FeatureImportance f) -> -Math.abs(f.importance()))
                        .thenComparing(FeatureImportance::feature))
                .limit(topFeatures)
                .toList();
        return new EvaluationReport(
                title,
                targetLabel,
                metrics,
                Histogram.of(yTrue, edges),
                Histogram.of(yPred, edges),
                residualHist,
                ScatterSample.of(yPred, residuals, scatterPoints, seed),
                top,
                learningCurve,
                searchHistory,
                segmentLabel,
                segments,
                drift,
                provenance,
                datasets);
    }
}
