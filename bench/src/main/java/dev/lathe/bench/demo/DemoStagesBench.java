package dev.lathe.bench.demo;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Times the demo's stages (read, prep, vectorize, fit, evaluate) on a train/valid pair: the first
 * (cold JVM) pass and the median of the following passes, plus the process's peak RSS.
 * Usage: {@code bench/run.sh dev.lathe.bench.demo.DemoStagesBench TRAIN VALID [repeats]}.
 */
public final class DemoStagesBench {
    private DemoStagesBench() {}

    public static void main(String[] args) {
        Path train = Path.of(args[0]);
        Path valid = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<double[]> passes = new ArrayList<>();
        double rmse = 0;
        for (int i = 0; i <= repeats; i++) {
            double[] t = new double[5];
            long a = System.nanoTime();
            Recipe recipe = TlcRecipes.course();
            Table rt = TableReader.read(train, recipe.inputColumns());
            Table rv = TableReader.read(valid, recipe.inputColumns());
            long b = System.nanoTime();
            PreparedTable pt = recipe.prepare(rt, train.toString());
            PreparedTable pv = recipe.prepare(rv, valid.toString());
            long c = System.nanoTime();
            DictVectorizer enc = DictVectorizer.fit(pt.features());
            Dataset dt = TrainValid.toDataset(train, pt, enc);
            Dataset dv = TrainValid.toDataset(valid, pv, enc);
            long d = System.nanoTime();
            LinearModel m = new OlsTrainer(OlsParams.defaults()).fit(dt);
            long e = System.nanoTime();
            rmse = new RegressionEvaluator()
                    .evaluate(dv.target(), m.predict(dv.features()))
                    .rootMeanSquaredError();
            long f = System.nanoTime();
            t[0] = (b - a) / 1e9;
            t[1] = (c - b) / 1e9;
            t[2] = (d - c) / 1e9;
            t[3] = (e - d) / 1e9;
            t[4] = (f - e) / 1e9;
            passes.add(t);
        }
        String[] names = {"read", "prep", "vectorize", "fit", "evaluate"};
        System.out.printf(Locale.ROOT, "%-10s %10s %12s%n", "stage", "cold_s", "warm_median_s");
        for (int s = 0; s < names.length; s++) {
            final int k = s;
            double[] warm =
                    passes.stream().skip(1).mapToDouble(p -> p[k]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-10s %10.3f %12.3f%n", names[s], passes.get(0)[s], median(warm));
        }
        double[] warmTotal = passes.stream()
                .skip(1)
                .mapToDouble(p -> Arrays.stream(p).sum())
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "%-10s %10.3f %12.3f%nvalidation_rmse %.6f  peak_rss_mib %.0f%n",
                "total",
                Arrays.stream(passes.get(0)).sum(),
                median(warmTotal),
                rmse,
                PeakMemory.peakRssMiB());
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
