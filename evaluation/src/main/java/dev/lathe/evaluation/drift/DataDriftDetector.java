package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Evidently's data-drift preset: each column gets the test Evidently's {@code get_default_stattest}
 * chooses (below), or one test for all ({@code PSI} as an option), and the dataset drifts when at least
 * {@code driftShare} of the columns do. Default choice, by the reference's size and the distinct values
 * of both samples pooled: reference of at most {@value #SMALL_REFERENCE} rows: numeric with more than
 * {@value #FEW_VALUES} values KS, otherwise (or categorical) chi-squared, Z-test when at most two values;
 * larger reference: numeric with more than {@value #FEW_VALUES} values normed Wasserstein, otherwise (or
 * categorical) Jensen-Shannon. Columns are tested side by side (a worker a core, each reusing its radix
 * sort buffers), each sample sorted once and walked once with its pair for the pooled values and the
 * Wasserstein distance.
 */
public final class DataDriftDetector {
    /** The largest reference for which Evidently picks the statistical tests (KS, chi-squared, Z). */
    public static final int SMALL_REFERENCE = 1000;
    /** At most this many distinct values make a numeric column count as categorical. */
    public static final int FEW_VALUES = 5;
    /** Evidently's default share of drifted columns that makes the dataset drift. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    private final Optional<StatTest> forced;
    private final double driftShare;

    /** {@code forced}: one test for every column, or empty for Evidently's per-column choice. */
    public DataDriftDetector(Optional<StatTest> forced, double driftShare) {
        LatheException.check(driftShare > 0 && driftShare <= 1, "driftShare must be > 0 and <= 1, got %s", driftShare);
        this.forced = forced;
        this.driftShare = driftShare;
    }

    /** Evidently's defaults: per-column choice, dataset drift at a share of 0.5. */
    public static DataDriftDetector evidentlyDefaults() {
        return new DataDriftDetector(Optional.empty(), DEFAULT_DRIFT_SHARE);
    }

    /** Numeric columns first, then categorical, each in insertion order. */
    public DataDrift compare(DriftSamples samples) {
        return compare(samples, Optional.empty());
    }

    /**
     * As {@link #compare(DriftSamples)}, taking each numeric reference column already sorted from {@code
     * reference} when it was sorted from the same array (one batch of many against one reference).
     */
    public DataDrift compare(DriftSamples samples, Optional<SortedReference> reference) {
        List<Map.Entry<String, DriftSamples.Numeric>> numeric =
                new ArrayList<>(samples.numeric().entrySet());
        List<Map.Entry<String, DriftSamples.Categorical>> categorical =
                new ArrayList<>(samples.categorical().entrySet());
        ColumnDrift[] out = new ColumnDrift[numeric.size() + categorical.size()];
        // one worker a core, each with its own sort buffers, taking the next column until none is left;
        // every column's figures depend on its samples alone, so the result does not depend on the order
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(out.length, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, workers).parallel().forEach(w -> {
            RadixSort.Buffers buffers = new RadixSort.Buffers();
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                if (i < numeric.size()) {
                    Map.Entry<String, DriftSamples.Numeric> e = numeric.get(i);
                    double[] sorted = reference
                            .map(r -> r.sorted(e.getKey(), e.getValue().reference()))
                            .orElse(null);
                    out[i] = numeric(
                            e.getKey(), e.getValue().reference(), e.getValue().current(), sorted, buffers);
                } else {
                    Map.Entry<String, DriftSamples.Categorical> e = categorical.get(i - numeric.size());
                    out[i] = categorical(
                            e.getKey(), e.getValue().reference(), e.getValue().current());
                }
            }
        });
        return new DataDrift(Arrays.asList(out), driftShare);
    }

    /** The test Evidently picks for a column of {@code type} with this reference size and pooled distinct values. */
    public static StatTest defaultTest(FeatureType type, int referenceCount, int distinctValues) {
        boolean few = type == FeatureType.CATEGORICAL || distinctValues <= FEW_VALUES;
        if (referenceCount <= SMALL_REFERENCE) {
            if (!few) {
                return StatTest.KS;
            }
            return distinctValues > 2 ? StatTest.CHI_SQUARE : StatTest.Z;
        }
        return few ? StatTest.JENSEN_SHANNON : StatTest.WASSERSTEIN;
    }

    private ColumnDrift numeric(
            String name, double[] reference, double[] current, double[] sortedReference, RadixSort.Buffers buffers) {
        DriftBins.ValueCounts few = forced.isEmpty() ? DriftBins.fewValueCounts(reference, current, FEW_VALUES) : null;
        if (few != null) {
            // at most FEW_VALUES values: counted by value in the same pass, no sort needed
            long[][] counts = few.counts();
            StatTest test = defaultTest(FeatureType.NUMERIC, reference.length, few.values().length);
            double score = test == StatTest.JENSEN_SHANNON
                    ? JensenShannonDistance.of(
                            DriftBins.shares(counts[0], reference.length), DriftBins.shares(counts[1], current.length))
                    : countTest(test, counts);
            return new ColumnDrift(
                    name,
                    FeatureType.NUMERIC,
                    test,
                    score,
                    test.drifted(score),
                    reference.length,
                    current.length,
                    few.values().length);
        }
        double[] ref = sortedReference != null ? sortedReference : buffers.sortedReference(reference);
        double[] cur = buffers.sortedCurrent(current);
        // one merge walk counts the pooled values and gives the Wasserstein distance on the way
        WassersteinDistance.Walk walk = WassersteinDistance.walk(ref, cur);
        int distinct = walk.pooledDistinct();
        StatTest test = choose(name, FeatureType.NUMERIC, ref.length, distinct);
        double score =
                switch (test) {
                    case KS -> KolmogorovSmirnov.twoSided(ref, cur).pValue();
                    case WASSERSTEIN -> WassersteinDistance.normed(walk.distance(), ref);
                    case JENSEN_SHANNON -> {
                        DriftBins.Shares s = DriftBins.numeric(ref, cur, false);
                        yield JensenShannonDistance.of(s.reference(), s.current());
                    }
                    case PSI -> {
                        DriftBins.Shares s = DriftBins.numeric(ref, cur, true);
                        yield PopulationStabilityIndex.ofShares(s.reference(), s.current());
                    }
                    case CHI_SQUARE, Z -> countTest(test, DriftBins.valueCounts(ref, cur));
                };
        return new ColumnDrift(
                name, FeatureType.NUMERIC, test, score, test.drifted(score), ref.length, cur.length, distinct);
    }

    private ColumnDrift categorical(String name, String[] reference, String[] current) {
        long[][] counts = DriftBins.CategoryCounts.of(reference, current);
        int distinct = counts[0].length;
        StatTest test = choose(name, FeatureType.CATEGORICAL, reference.length, distinct);
        double score =
                switch (test) {
                    case JENSEN_SHANNON -> {
                        DriftBins.Shares s = DriftBins.ofCounts(counts, false);
                        yield JensenShannonDistance.of(s.reference(), s.current());
                    }
                    case PSI -> {
                        DriftBins.Shares s = DriftBins.ofCounts(counts, true);
                        yield PopulationStabilityIndex.ofShares(s.reference(), s.current());
                    }
                    case CHI_SQUARE, Z -> countTest(test, counts);
                    default -> throw new IllegalStateException(test + " does not apply to categorical columns");
                };
        return new ColumnDrift(
                name,
                FeatureType.CATEGORICAL,
                test,
                score,
                test.drifted(score),
                reference.length,
                current.length,
                distinct);
    }

    private StatTest choose(String column, FeatureType type, int referenceCount, int distinct) {
        if (forced.isEmpty()) {
            return defaultTest(type, referenceCount, distinct);
        }
        StatTest test = forced.get();
        LatheException.check(
                test.appliesTo(type),
                "column '%s' is %s; the %s test does not apply to it",
                column,
                type.name().toLowerCase(java.util.Locale.ROOT),
                test.id());
        return test;
    }

    /** Chi-squared or Z on value counts [reference, current], one entry per value, in ascending order. */
    private static double countTest(StatTest test, long[][] counts) {
        long refTotal = Arrays.stream(counts[0]).sum();
        long curTotal = Arrays.stream(counts[1]).sum();
        if (counts[0].length == 1) {
            return 1.0;
        }
        if (test == StatTest.Z) {
            return ProportionsZTest.test(refTotal - counts[0][0], refTotal, curTotal - counts[1][0], curTotal)
                    .pValue();
        }
        return ChiSquared.test(counts[0], counts[1]).pValue();
    }
}
