package dev.lathe.workflow;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.HasFeatureImportance;
import dev.lathe.core.model.Model;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.evaluation.report.LearningCurve;
import dev.lathe.evaluation.report.ReportArtifacts;
import dev.lathe.evaluation.report.ReportBuilder;
import dev.lathe.evaluation.report.SearchHistory;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * The HTML, JSON and Markdown report every training run and search parent logs under {@value
 * RunConvention#REPORT_DIR}/: the model's validation predictions against the actual values, its
 * learning curve when it reported one per round, feature importance when it has one, its provenance
 * and datasets, and for a search the score of every trial.
 */
final class RunReport {
    private static final long SCATTER_SEED = 42L;
    private static final int TOP_FEATURES = 20;

    private RunReport() {}

    /**
     * Builds and logs the report of {@code model} fitted on {@code data}; {@code extra} adds sections
     * an entry point knows about (segments, drift).
     */
    static void log(
            ActiveRun run,
            Model model,
            TrainingData data,
            Map<String, SortedMap<Long, Double>> history,
            Optional<SearchHistory> search,
            UnaryOperator<ReportBuilder> extra) {
        Dataset train = data.data().train();
        Dataset valid = data.data().valid();
        ReportBuilder report = new ReportBuilder(
                        model.provenance().trainer() + " on " + train.name() + " -> " + valid.name(),
                        valid.target(),
                        model.predict(valid.features()))
                .targetLabel(data.targetName())
                .scatterSample(2000, SCATTER_SEED)
                .provenance(model.provenance())
                .dataset("train", train)
                .dataset("valid", valid);
        learningCurve(history, model).ifPresent(report::learningCurve);
        if (model instanceof HasFeatureImportance fi) {
            report.featureImportances(fi.featureImportance(), TOP_FEATURES);
        }
        search.ifPresent(report::searchHistory);
        ReportArtifacts.log(extra.apply(report).build(), run, RunConvention.REPORT_DIR);
    }

    /** The per-round training and validation curve of the first metric reported both ways, if any. */
    private static Optional<LearningCurve> learningCurve(Map<String, SortedMap<Long, Double>> history, Model model) {
        for (String key : history.keySet()) {
            if (!key.startsWith(RunConvention.TRAINING)) {
                continue;
            }
            String metric = key.substring(RunConvention.TRAINING.length());
            SortedMap<Long, Double> valid = history.get(RunConvention.VALIDATION + metric);
            SortedMap<Long, Double> train = history.get(key);
            if (valid == null || !contiguous(train) || !contiguous(valid)) {
                continue;
            }
            LearningCurve.Builder curve =
                    LearningCurve.builder(metric).series("train", values(train)).series("valid", values(valid));
            String best = model.provenance().fitDetails().get("best_iteration");
            if (best != null) {
                curve.bestRound(Integer.parseInt(best));
            }
            return Optional.of(curve.build());
        }
        return Optional.empty();
    }

    private static boolean contiguous(SortedMap<Long, Double> steps) {
        return !steps.isEmpty() && steps.firstKey() == 0 && steps.lastKey() == steps.size() - 1;
    }

    private static double[] values(SortedMap<Long, Double> steps) {
        return steps.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
