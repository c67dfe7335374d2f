package dev.lathe.bench.ensemble;

import dev.lathe.bench.PeakMemory;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.ensemble.BaggingParams;
import dev.lathe.trainers.ensemble.BaggingTrainer;
import dev.lathe.trainers.ensemble.ForestParams;
import dev.lathe.trainers.ensemble.StackingTrainer;
import dev.lathe.trainers.ensemble.WeightedAverageModel;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.trainers.tribuo.LibLinearParams;
import dev.lathe.trainers.tribuo.SgdParams;
import dev.lathe.trainers.tribuo.TribuoLibLinearTrainer;
import dev.lathe.trainers.tribuo.TribuoSgdTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fit time, validation RMSE and saved size of the trainers the other benches do not cover (Tribuo
 * baselines, bagging, weighted averaging, stacking) on green 2023-01 -> 2023-02, one-hot PU_DO +
 * trip_distance. Usage: {@code bench/run.sh dev.lathe.bench.ensemble.OtherTrainersBench [dataDir]}.
 */
public final class OtherTrainersBench {
    private static final long SEED = 42L;

    private OtherTrainersBench() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/tlc");
        TrainValid tv = TrainValid.load(
                dir.resolve("green_tripdata_2023-01.parquet"),
                dir.resolve("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%-44s %8s %10s %12s%n", "trainer", "fit_s", "valid_rmse", "model_bytes");
        Model ridge = run("ridge alpha=1 (reference)", new RidgeTrainer(RidgeParams.of(1.0)), tv);
        run("tribuo LinearSGD (AdaGrad, 5 epochs)", new TribuoSgdTrainer(new SgdParams(5, 0.5, 1, SEED)), tv);
        run("tribuo LibLinear L2R_L2LOSS_SVR C=1", new TribuoLibLinearTrainer(LibLinearParams.l2Loss(1.0)), tv);
        run(
                "bagging of ridge, 10 members",
                new BaggingTrainer(new RidgeTrainer(RidgeParams.of(1.0)), new BaggingParams(10, 1.0, SEED, threads)),
                tv);
        ForestParams forest =
                ForestParams.builder(100, 20).seed(SEED).nthread(threads).build();
        Model rf = run("rf 100 x depth 20 (reference)", new XGBoostForestTrainer(forest), tv);
        long start = System.nanoTime();
        Model avg = WeightedAverageModel.of(List.of(ridge, rf), new double[] {0.5, 0.5});
        report("weighted average 0.5 ridge + 0.5 rf (no refit)", avg, tv, (System.nanoTime() - start) / 1e9);
        run(
                "stacking ridge + rf(30 x 12), 3 folds, OLS meta",
                new StackingTrainer(
                        List.of(
                                new RidgeTrainer(RidgeParams.of(1.0)),
                                new XGBoostForestTrainer(ForestParams.builder(30, 12)
                                        .seed(SEED)
                                        .nthread(threads)
                                        .build())),
                        new OlsTrainer(OlsParams.defaults()),
                        3,
                        SEED),
                tv);
        System.out.printf(Locale.ROOT, "peak_rss_mib=%.0f%n", PeakMemory.peakRssMiB());
    }

    private static Model run(String label, Trainer<?> trainer, TrainValid tv) {
        long start = System.nanoTime();
        Model m = trainer.fit(tv.train());
        report(label, m, tv, (System.nanoTime() - start) / 1e9);
        return m;
    }

    private static void report(String label, Model m, TrainValid tv, double seconds) {
        Dataset v = tv.valid();
        double rmse = new RegressionEvaluator()
                .evaluate(v.target(), m.predict(v.features()))
                .rootMeanSquaredError();
        System.out.printf(Locale.ROOT, "%-44s %8.2f %10.4f %12d%n", label, seconds, rmse, ModelIO.toBytes(m).length);
    }
}
