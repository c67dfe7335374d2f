package dev.lathe.bench.boosted;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.ensemble.ForestParams;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the boosted and forest trainers on the NYC green-taxi months (2023-01 -> 2023-02 and 2021-01 ->
 * 2021-02, one-hot PU_DO + trip_distance): XGBoost with the course's tuned parameters and early
 * stopping (50 rounds patience, up to 1000), and XGBoost's random-forest mode (100 trees, depth 20).
 * Prints fit seconds, best iteration, rounds trained, validation RMSE and saved model size next to the
 * Python references. Usage: {@code bench/run.sh dev.lathe.bench.boosted.BoostedTrainersBench [dataDir]}.
 * {@code bench/run.sh} sets how OpenMP threads wait ({@code scripts/openmp-wait.sh}) unless {@code
 * OMP_WAIT_POLICY} is set: threads that spin long slow XGBoost down many times over on busy cores.
 */
public final class BoostedTrainersBench {
    private static final int FOREST_TREES = 100;
    private static final int FOREST_DEPTH = 20;
    private static final long SEED = 42;

    private BoostedTrainersBench() {}

    /** The course's tuned XGBoost hyperparameters (MLOps zoomcamp, week 2). */
    public static XGBoostParams courseParams() {
        return XGBoostParams.builder(1000)
                .learningRate(0.09585355369315604)
                .maxDepth(30)
                .minChildWeight(1.060597050922164)
                .regAlpha(0.018060244040060163)
                .regLambda(0.011658731377413597)
                .objective("reg:squarederror")
                .earlyStoppingRounds(50)
                .seed(SEED)
                .build();
    }

    public static ForestParams forestParams() {
        return ForestParams.builder(FOREST_TREES, FOREST_DEPTH) // exact splits, 63.2 % rows, all columns
                .seed(SEED)
                .build();
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/tlc");
        System.out.printf(
                Locale.ROOT,
                "OMP_WAIT_POLICY=%s GOMP_SPINCOUNT=%s nthread=%d%n",
                System.getenv().getOrDefault("OMP_WAIT_POLICY", "<unset>"),
                System.getenv().getOrDefault("GOMP_SPINCOUNT", "<unset>"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-8s %-11s %8s %9s %7s %10s %11s %5s %6s %s%n",
                "data",
                "trainer",
                "fit_s",
                "best_iter",
                "rounds",
                "valid_rmse",
                "model_bytes",
                "cols",
                "rows",
                "python_reference");
        for (String[] months : List.of(new String[] {"2023-01", "2023-02"}, new String[] {"2021-01", "2021-02"})) {
            TrainValid tv = TrainValid.load(
                    dataDir.resolve("green_tripdata_" + months[0] + ".parquet"),
                    dataDir.resolve("green_tripdata_" + months[1] + ".parquet"),
                    TlcRecipes.course());
            boolean y2023 = months[0].startsWith("2023");
            run(
                    months[0],
                    new XGBoostTrainer(courseParams()),
                    tv,
                    y2023 ? "xgboost 1.7.4: 5.164 in 36-50 s" : "xgboost 1.7.4: 6.302 in 115-135 s");
            if (y2023) {
                // Same booster on every column: the trees are identical, only the time differs.
                run(months[0], new XGBoostTrainer("xgb_allcols", courseParams()).keepingAllColumns(), tv, "-");
                // Same booster on every row (no merging of identical rows): same trees up to float rounding.
                run(months[0], new XGBoostTrainer("xgb_allrows", courseParams()).keepingAllRows(), tv, "-");
            }
            run(
                    months[0],
                    new XGBoostForestTrainer(forestParams()),
                    tv,
                    y2023 ? "sklearn RF: 5.363 in 22-24 s" : "sklearn RF: 6.709 in 26-29 s");
        }
        System.out.printf(Locale.ROOT, "peak_rss_mib=%.0f%n", PeakMemory.peakRssMiB());
    }

    private static void run(String month, Trainer<XGBoostModel> trainer, TrainValid tv, String reference) {
        Dataset valid = tv.valid();
        long start = System.nanoTime();
        XGBoostModel model =
                trainer.fit(tv.train(), FitContext.builder().validation(valid).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] p = model.predict(valid.features());
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - valid.target()[i];
            s += d * d;
        }
        System.out.printf(
                Locale.ROOT,
                "%-8s %-11s %8.1f %9d %7d %10.4f %11d %5d %6s %s%n",
                month,
                trainer.name(),
                seconds,
                model.bestIteration(),
                model.roundsTrained(),
                Math.sqrt(s / p.length),
                ModelIO.toBytes(model).length,
                model.boosterColumns(),
                model.provenance().fitDetails().get("booster_rows").split(" ")[0],
                reference);
    }
}
