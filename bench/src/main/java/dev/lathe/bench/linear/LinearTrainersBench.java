package dev.lathe.bench.linear;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.ElasticNetParams;
import dev.lathe.trainers.linear.ElasticNetTrainer;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RegularizationPath;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the sparse linear trainers on the NYC green-taxi months (2023-01 -> 2023-02 and 2021-01 ->
 * 2021-02, one-hot PU_DO + trip_distance): one warm-up fit, then {@code repeats} timed fits each, and
 * prints fit seconds (wall median and best, thread-CPU median), training/validation RMSE, non-zero coefficients and solver
 * iterations. Usage: {@code bench/run.sh dev.lathe.bench.linear.LinearTrainersBench [repeats] [dataDir]}.
 */
public final class LinearTrainersBench {
    private static final double CD_TOLERANCE = 1e-8;
    private static final int CD_MAX_ITER = 100_000;
    private static final int PATH_LENGTH = 20;
    private static final double PATH_EPS = 1e-4;
    /** Thread CPU time is reported beside wall time: the benchmark machine may be shared. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LinearTrainersBench() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        LatheException.check(repeats >= 1, "repeats must be >= 1, got %d", repeats);
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data/tlc");
        System.out.printf(
                Locale.ROOT,
                "%-6s %-36s %6s %9s %9s %9s %10s %10s %6s %s%n",
                "data",
                "trainer",
                "width",
                "median_s",
                "best_s",
                "cpu_s",
                "train_rmse",
                "valid_rmse",
                "nnz",
                "iterations");
        for (String[] months : List.of(new String[] {"2023-01", "2023-02"}, new String[] {"2021-01", "2021-02"})) {
            long t0 = System.nanoTime();
            TrainValid tv = TrainValid.load(
                    dataDir.resolve("green_tripdata_" + months[0] + ".parquet"),
                    dataDir.resolve("green_tripdata_" + months[1] + ".parquet"),
                    TlcRecipes.course());
            System.out.printf(
                    Locale.ROOT,
                    "# %s -> %s: loaded in %.2f s (%d train rows, %d valid rows, %d features)%n",
                    months[0],
                    months[1],
                    (System.nanoTime() - t0) / 1e9,
                    tv.train().rows(),
                    tv.valid().rows(),
                    tv.train().featureCount());
            String label = months[0].substring(0, 4);
            List<Trainer<LinearModel>> trainers = List.of(
                    new OlsTrainer(OlsParams.defaults()),
                    new RidgeTrainer(RidgeParams.of(1.0)),
                    new ElasticNetTrainer(ElasticNetParams.lasso(0.01)),
                    new ElasticNetTrainer(cd(0.01, 1.0)),
                    new ElasticNetTrainer(cd(0.01, 0.5)));
            for (Trainer<LinearModel> trainer : trainers) {
                benchOne(label, trainer, tv, repeats);
            }
            benchPath(label, tv, repeats);
        }
        System.out.printf(Locale.ROOT, "# peak RSS %.0f MiB%n", PeakMemory.peakRssMiB());
    }

    private static ElasticNetParams cd(double alpha, double l1Ratio) {
        return ElasticNetParams.builder(alpha, l1Ratio)
                .tolerance(CD_TOLERANCE)
                .maxIterations(CD_MAX_ITER)
                .build();
    }

    private static void benchOne(String label, Trainer<LinearModel> trainer, TrainValid tv, int repeats) {
        LinearModel model = trainer.fit(tv.train()); // warm-up
        double[] seconds = new double[repeats];
        double[] cpuSeconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            model = trainer.fit(tv.train());
            cpuSeconds[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        String description = trainer.name() + " " + describe(trainer);
        print(
                label,
                description,
                tv,
                model,
                seconds,
                cpuSeconds,
                model.provenance().fitDetails().get("iterations"));
    }

    private static void benchPath(String label, TrainValid tv, int repeats) {
        // scikit-learn's lasso_path default tol (1e-4); 20 alphas down to 1e-4 alpha_max, since
        // trip_distance outliers make alpha_max large.
        ElasticNetTrainer trainer = new ElasticNetTrainer(
                ElasticNetParams.builder(1.0, 1.0).maxIterations(CD_MAX_ITER).build());
        double[] alphas = ElasticNetTrainer.alphaGrid(tv.train(), 1.0, PATH_LENGTH, PATH_EPS);
        RegularizationPath path = trainer.fitPath(tv.train(), alphas, FitContext.none());
        double[] seconds = new double[repeats];
        double[] cpuSeconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            path = trainer.fitPath(tv.train(), alphas, FitContext.none());
            cpuSeconds[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        int best = 0;
        double bestValid = Double.POSITIVE_INFINITY;
        for (int k = 0; k < alphas.length; k++) {
            double v = rmse(path.models().get(k), tv.valid());
            if (v < bestValid) {
                bestValid = v;
                best = k;
            }
        }
        LinearModel chosen = path.models().get(best);
        String description =
                String.format(Locale.ROOT, "lasso path %d alphas (best %.2e)", alphas.length, alphas[best]);
        int epochs = 0;
        for (LinearModel m : path.models()) {
            epochs += Integer.parseInt(m.provenance().fitDetails().get("iterations"));
        }
        print(label, description, tv, chosen, seconds, cpuSeconds, Integer.toString(epochs));
    }

    private static String describe(Trainer<LinearModel> trainer) {
        var h = trainer.hyperparameters();
        StringBuilder s = new StringBuilder();
        if (h.containsKey("alpha")) {
            s.append("a=").append(h.get("alpha"));
        }
        if (h.containsKey("l1_ratio") && !h.get("l1_ratio").equals("1.0")) {
            s.append(" l1=").append(h.get("l1_ratio"));
        }
        s.append(" tol=").append(h.get("tol"));
        return s.toString();
    }

    private static void print(
            String label,
            String description,
            TrainValid tv,
            LinearModel model,
            double[] seconds,
            double[] cpuSeconds,
            String iterations) {
        System.out.printf(
                Locale.ROOT,
                "%-6s %-36s %6d %9.4f %9.4f %9.4f %10.6f %10.6f %6d %s%n",
                label,
                description,
                tv.train().featureCount(),
                median(seconds),
                min(seconds),
                median(cpuSeconds),
                rmse(model, tv.train()),
                rmse(model, tv.valid()),
                model.nonZeroCount(),
                iterations);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double rmse(LinearModel model, Dataset d) {
        double[] p = model.predict(d.features());
        double[] y = d.target();
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            double e = p[i] - y[i];
            s += e * e;
        }
        return Math.sqrt(s / y.length);
    }
}
