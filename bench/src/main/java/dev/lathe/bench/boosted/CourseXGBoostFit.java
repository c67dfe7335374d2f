package dev.lathe.bench.boosted;

import dev.lathe.core.model.FitContext;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One fit of the course's tuned XGBoost on green 2023-01 -> 2023-02 through {@link XGBoostTrainer},
 * printed as one line (fit seconds, best iteration, validation RMSE), for timing against Python's fit
 * run by run ({@code bench/xgb-vs-python.sh}). Arguments: [dataDir=data/tlc] then any of
 * {@code all-columns} (no column pruning) and {@code all-rows} (no merging of identical rows).
 */
public final class CourseXGBoostFit {
    private CourseXGBoostFit() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/tlc");
        List<String> flags = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        TrainValid tv = TrainValid.load(
                dir.resolve("green_tripdata_2023-01.parquet"),
                dir.resolve("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        XGBoostTrainer trainer = new XGBoostTrainer(BoostedTrainersBench.courseParams());
        if (flags.contains("all-columns")) {
            trainer = trainer.keepingAllColumns();
        }
        if (flags.contains("all-rows")) {
            trainer = trainer.keepingAllRows();
        }
        long start = System.nanoTime();
        XGBoostModel model = trainer.fit(
                tv.train(), FitContext.builder().validation(tv.valid()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        double rmse = new RegressionEvaluator()
                .evaluate(tv.valid().target(), model.predict(tv.valid().features()))
                .rootMeanSquaredError();
        System.out.printf(
                Locale.ROOT,
                "java xgb fit=%.1f s best_iteration=%d columns=%d rows=%s rmse=%.6f%n",
                seconds,
                model.bestIteration(),
                model.boosterColumns(),
                model.provenance().fitDetails().get("booster_rows").split(" ")[0],
                rmse);
    }
}
