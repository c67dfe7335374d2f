package dev.lathe.bench.scale;

import dev.lathe.bench.PeakMemory;
import dev.lathe.bench.boosted.BoostedTrainersBench;
import dev.lathe.core.LatheException;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.TreeMethod;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One fit of XGBoost with the course's tuned parameters ({@code xgb}) or of the random forest of 100
 * trees of depth 20 ({@code rf}) on a large training file (the 2M-row CSV, say), validated on a month,
 * as in {@code BoostedTrainersBench}: prints read + prep, fit wall seconds, the JVM's CPU seconds
 * during the fit, rounds, validation RMSE and peak RSS, for {@code python_baseline.py --models xgb|rf}
 * under {@code /usr/bin/time -v} on the same files. Every 25 rounds the elapsed time goes to stderr, so a
 * fit stopped early still gives a partial figure. Usage: {@code bench/run.sh
 * dev.lathe.bench.scale.ScaleTrainersBench TRAIN VALID xgb|rf [ROUNDS [TREE_METHOD]]}; ROUNDS caps
 * XGBoost's boosting rounds (the course's 1,000 by default) and TREE_METHOD picks {@code hist}, {@code
 * approx} or {@code exact}, so that a fixed number of rounds can be timed against {@code
 * bench/scale/xgb_rounds.py}.
 */
public final class ScaleTrainersBench {
    private static final int PROGRESS_EVERY = 25;

    private ScaleTrainersBench() {}

    public static void main(String[] args) {
        LatheException.check(
                args.length >= 3 && args.length <= 5 && (args[2].equals("xgb") || args[2].equals("rf")),
                "usage: ScaleTrainersBench TRAIN VALID xgb|rf [ROUNDS [TREE_METHOD]], got %s",
                String.join(" ", args));
        long t0 = System.nanoTime();
        TrainValid tv = TrainValid.load(Path.of(args[0]), Path.of(args[1]), TlcRecipes.course());
        double prep = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "read+prep+vectorize=%.1f s rows_train=%d rows_valid=%d columns=%d OMP_WAIT_POLICY=%s"
                        + " GOMP_SPINCOUNT=%s%n",
                prep,
                tv.train().rows(),
                tv.valid().rows(),
                tv.train().featureCount(),
                System.getenv().getOrDefault("OMP_WAIT_POLICY", "<unset>"),
                System.getenv().getOrDefault("GOMP_SPINCOUNT", "<unset>"));
        XGBoostParams.Builder course = BoostedTrainersBench.courseParams().toBuilder();
        if (args.length >= 4) {
            course.numBoostRounds(Integer.parseInt(args[3]));
        }
        if (args.length == 5) {
            course.treeMethod(TreeMethod.of(args[4]));
        }
        Trainer<XGBoostModel> trainer = args[2].equals("xgb")
                ? new XGBoostTrainer(course.build())
                : new XGBoostForestTrainer(BoostedTrainersBench.forestParams());
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        XGBoostModel model = trainer.fit(
                tv.train(),
                FitContext.builder()
                        .validation(tv.valid())
                        .listener(progress(start))
                        .build());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double rmse = new RegressionEvaluator()
                .evaluate(tv.valid().target(), model.predict(tv.valid().features()))
                .rootMeanSquaredError();
        System.out.printf(
                Locale.ROOT,
                "%s fit=%.1f s cpu=%.1f s best_iteration=%d rounds=%d booster_rows=%s rmse=%.6f peak_rss_mib=%.0f%n",
                trainer.name(),
                seconds,
                cpu,
                model.bestIteration(),
                model.roundsTrained(),
                model.provenance().fitDetails().get("booster_rows").split(" ")[0],
                rmse,
                PeakMemory.peakRssMiB());
    }

    private static TrainingListener progress(long start) {
        return new TrainingListener() {
            @Override
            public void metric(String key, double value, long step) {
                if (key.startsWith("validation") && (step % PROGRESS_EVERY == 0 || step < PROGRESS_EVERY)) {
                    System.err.printf(
                            Locale.ROOT,
                            "round %d %s=%.4f after %.1f s, peak_rss_mib=%.0f%n",
                            step,
                            key,
                            value,
                            (System.nanoTime() - start) / 1e9,
                            PeakMemory.peakRssMiB());
                }
            }

            @Override
            public void fitStarted(
                    Trainer<?> trainer,
                    dev.lathe.core.data.Dataset train,
                    java.util.Optional<dev.lathe.core.data.Dataset> validation) {
                System.err.printf(Locale.ROOT, "fit of %s started%n", trainer.name());
            }

            @Override
            public void fitFinished(Trainer<?> trainer, Model model, java.time.Duration elapsed) {}
        };
    }

    /** CPU time of every thread of this JVM (XGBoost's native threads included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
