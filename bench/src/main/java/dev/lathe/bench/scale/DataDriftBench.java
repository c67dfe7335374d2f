package dev.lathe.bench.scale;

import dev.lathe.bench.PeakMemory;
import dev.lathe.evaluation.drift.ColumnDrift;
import dev.lathe.evaluation.drift.DataDrift;
import dev.lathe.evaluation.drift.DataDriftDetector;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.StatTest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Times {@code lathe monitor}'s drift computation (Evidently's default tests, {@link DataDriftDetector})
 * on data built in memory: {@code rows} reference and {@code rows} current rows of 50 columns (30
 * continuous numeric, 10 numeric with 4 values, 10 categorical with 60 values; the current data shifted
 * in a third of the columns). Prints each pass (building {@link DriftSamples}, which holds the arrays, and the
 * tests), the tests chosen and the decision. Usage: {@code bench/run.sh
 * dev.lathe.bench.scale.DataDriftBench [rows=1000000] [passes=3] [seed=42]}.
 */
public final class DataDriftBench {
    private static final int CONTINUOUS = 30;
    private static final int FEW_VALUED = 10;
    private static final int CATEGORICAL = 10;
    private static final int CATEGORIES = 60;

    private DataDriftBench() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] numeric = new double[CONTINUOUS + FEW_VALUED][2][];
        for (int c = 0; c < numeric.length; c++) {
            boolean shifted = c % 3 == 0;
            for (int side = 0; side < 2; side++) {
                double shift = side == 1 && shifted ? 0.3 : 0.0;
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double g = gaussian(random) + shift;
                    v[i] = c < CONTINUOUS ? g : Math.max(0, Math.min(3, Math.floor(g + 1.5)));
                }
                numeric[c][side] = v;
            }
        }
        String[] labels = new String[CATEGORIES];
        for (int k = 0; k < CATEGORIES; k++) {
            labels[k] = "zone-" + k;
        }
        String[][][] categorical = new String[CATEGORICAL][2][];
        for (int c = 0; c < CATEGORICAL; c++) {
            for (int side = 0; side < 2; side++) {
                int skew = side == 1 && c % 3 == 0 ? 3 : 1;
                String[] v = new String[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = labels[Math.min(CATEGORIES - 1, random.nextInt(CATEGORIES) / (random.nextInt(skew) + 1))];
                }
                categorical[c][side] = v;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "built %d + %d rows x %d columns in %.1f s, %d threads available%n",
                rows,
                rows,
                numeric.length + categorical.length,
                (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        double[] seconds = new double[passes];
        DataDrift drift = null;
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            DriftSamples.Builder b = DriftSamples.builder();
            for (int c = 0; c < numeric.length; c++) {
                b.numeric("num_" + c, numeric[c][0], numeric[c][1]);
            }
            for (int c = 0; c < categorical.length; c++) {
                b.categorical("cat_" + c, categorical[c][0], categorical[c][1]);
            }
            DriftSamples samples = b.build();
            long built = System.nanoTime();
            long cpuBuilt = processCpuNanos();
            drift = new DataDriftDetector(Optional.empty(), DataDriftDetector.DEFAULT_DRIFT_SHARE).compare(samples);
            long done = System.nanoTime();
            long cpuDone = processCpuNanos();
            seconds[p] = (done - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "pass %d: %.3f s (samples %.3f s, tests %.3f s wall, %.3f s process CPU)%n",
                    p + 1,
                    seconds[p],
                    (built - start) / 1e9,
                    (done - built) / 1e9,
                    (cpuDone - cpuBuilt) / 1e9);
        }
        Map<StatTest, int[]> byTest = new EnumMap<>(StatTest.class);
        for (ColumnDrift c : drift.columns()) {
            int[] n = byTest.computeIfAbsent(c.test(), t -> new int[2]);
            n[0]++;
            n[1] += c.drifted() ? 1 : 0;
        }
        byTest.forEach((t, n) -> System.out.printf(Locale.ROOT, "  %-14s columns=%d drifted=%d%n", t.id(), n[0], n[1]));
        Arrays.sort(seconds);
        System.out.printf(
                Locale.ROOT,
                "dataset_drift=%s share=%.3f median=%.3f s best=%.3f s peak_rss_mib=%.0f%n",
                drift.datasetDrift(),
                drift.share(),
                seconds[passes / 2],
                seconds[0],
                PeakMemory.peakRssMiB());
    }

    /** CPU time of the whole process (every thread, the collector's too): the machine may be shared. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
