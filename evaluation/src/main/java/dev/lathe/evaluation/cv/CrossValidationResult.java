package dev.lathe.evaluation.cv;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-fold metrics with their mean and standard deviation over folds. The standard deviation is the
 * sample one (ddof = 1, divide by k - 1), as pandas' {@code DataFrame.std()}, not numpy's default.
 */
public record CrossValidationResult(
        String trainer, List<FoldResult> folds, Map<String, Double> mean, Map<String, Double> std) {

    public CrossValidationResult {
        folds = List.copyOf(folds);
        mean = Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        std = Collections.unmodifiableMap(new LinkedHashMap<>(std));
    }

    /** Aggregates fold results (at least two) into mean and sample standard deviation per metric. */
    public static CrossValidationResult of(String trainer, List<FoldResult> folds) {
        LatheException.check(folds.size() >= 2, "cross-validation needs >= 2 fold results, got %d", folds.size());
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (String metric : folds.get(0).evaluation().toMap().keySet()) {
            double[] v = folds.stream()
                    .mapToDouble(f -> f.evaluation().toMap().get(metric))
                    .toArray();
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            mean.put(metric, m);
            std.put(metric, Math.sqrt(ss / (v.length - 1)));
        }
        return new CrossValidationResult(trainer, folds, mean, std);
    }
}
