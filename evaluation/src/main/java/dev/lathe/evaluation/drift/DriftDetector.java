package dev.lathe.evaluation.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a current sample with a reference sample feature by feature: two-sample Kolmogorov-Smirnov
 * statistic and p-value (commons-math3, non-strict so the p-value is {@code P(D >= d)} as scipy's and R's:
 * exact when the product of sample sizes is below 10000, commons-math3's asymptotic approximation
 * otherwise) and {@link PopulationStabilityIndex PSI} for numeric features, PSI over
 * categories for categorical ones, each flagged against {@link DriftThresholds}. Exact on every value:
 * each numeric sample is sorted once (a radix sort in Arrays.sort's order) and shared by {@link
 * KolmogorovSmirnov} and the PSI's quantile bins, so millions of rows cost two sorts per feature.
 */
public final class DriftDetector {
    private final DriftThresholds thresholds;

    public DriftDetector(DriftThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Numeric features first, then categorical, each in insertion order. */
    public DriftReport compare(DriftSamples samples) {
        List<FeatureDrift> out = new ArrayList<>();
        for (Map.Entry<String, DriftSamples.Numeric> e : samples.numeric().entrySet()) {
            double[] ref = sorted(e.getValue().reference());
            double[] cur = sorted(e.getValue().current());
            KolmogorovSmirnov.Result ks =
                    KolmogorovSmirnov.of(e.getValue().reference(), e.getValue().current(), ref, cur);
            double d = ks.statistic();
            double p = ks.pValue();
            double psi = PopulationStabilityIndex.numericSorted(ref, cur, thresholds.bins(), thresholds.epsilon());
            boolean ksDrift = p < thresholds.ksPValueThreshold() && d > thresholds.ksStatisticThreshold();
            boolean drifted = ksDrift || psi > thresholds.psiThreshold();
            out.add(new FeatureDrift(e.getKey(), FeatureType.NUMERIC, ref.length, cur.length, d, p, psi, drifted));
        }
        for (Map.Entry<String, DriftSamples.Categorical> e :
                samples.categorical().entrySet()) {
            String[] ref = e.getValue().reference();
            String[] cur = e.getValue().current();
            double psi = PopulationStabilityIndex.categorical(ref, cur, thresholds.epsilon());
            out.add(new FeatureDrift(
                    e.getKey(),
                    FeatureType.CATEGORICAL,
                    ref.length,
                    cur.length,
                    Double.NaN,
                    Double.NaN,
                    psi,
                    psi > thresholds.psiThreshold()));
        }
        return new DriftReport(thresholds, out);
    }

    private static double[] sorted(double[] values) {
        return RadixSort.sortedCopy(values);
    }
}
