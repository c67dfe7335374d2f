package dev.lathe.bench.scale;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.drift.DriftDetector;
import dev.lathe.evaluation.drift.DriftReport;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.DriftThresholds;
import dev.lathe.evaluation.drift.FeatureDrift;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the demo's drift checks (KS and PSI of the target and every feature, training month against
 * validation month, {@link DriftSamples#ofPrepared}) on large prepared files, the part of the report
 * that grows with the rows: prints each pass, the median and the features' statistics, so that a
 * change can be checked for equal results and compared in time. Usage: {@code bench/run.sh
 * dev.lathe.bench.scale.DriftChecksBench TRAIN VALID [passes=3]}.
 */
public final class DriftChecksBench {
    private DriftChecksBench() {}

    public static void main(String[] args) {
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        PreparedTable train = TrainValid.prepare(TlcRecipes.course(), Path.of(args[0]));
        PreparedTable valid = TrainValid.prepare(TlcRecipes.course(), Path.of(args[1]));
        System.out.printf(
                Locale.ROOT,
                "read+prep=%.1f s rows_reference=%d rows_current=%d%n",
                (System.nanoTime() - t0) / 1e9,
                train.rows(),
                valid.rows());
        double[] seconds = new double[passes];
        DriftReport report = null;
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            report = new DriftDetector(DriftThresholds.defaults())
                    .compare(DriftSamples.ofPrepared(TlcRecipes.course().target(), train, valid));
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d: drift checks %.3f s%n", i + 1, seconds[i]);
        }
        for (FeatureDrift f : report.features()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s ks=%.8f p=%.6g psi=%.10f%n",
                    f.feature(),
                    f.ksStatistic(),
                    f.ksPValue(),
                    f.psi());
        }
        Arrays.sort(seconds);
        System.out.printf(
                Locale.ROOT,
                "median=%.3f s best=%.3f s peak_rss_mib=%.0f%n",
                seconds[passes / 2],
                seconds[0],
                PeakMemory.peakRssMiB());
    }
}
