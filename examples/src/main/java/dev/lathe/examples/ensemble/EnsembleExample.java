package dev.lathe.examples.ensemble;

import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.ensemble.AveragingTrainer;
import dev.lathe.trainers.ensemble.ForestParams;
import dev.lathe.trainers.ensemble.StackingTrainer;
import dev.lathe.trainers.ensemble.XGBoostForestTrainer;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Ensembles on the taxi data, kept small enough to run in seconds: an XGBoost random forest and a
 * ridge, their 50/50 average, and a 2-fold stack of both under OLS, each logged as a run.
 *
 * <p>Usage: {@code EnsembleExample [TRAIN VALID [STORE_DIR]]}.
 */
public final class EnsembleExample {
    public static final String EXPERIMENT = "nyc-taxi-ensembles";

    /** Small, shallow forest: enough to differ from the linear model, fast on two cores. */
    public static final int FOREST_TREES = 10;

    public static final int FOREST_DEPTH = 6;

    /** Folds of the stack's out-of-fold predictions: 2 keeps the example fast (3 fits per base). */
    public static final int STACK_FOLDS = 2;

    private EnsembleExample() {}

    /** The forest trainer with a fixed seed and thread count. */
    public static XGBoostForestTrainer forest(long seed, int threads) {
        return new XGBoostForestTrainer(ForestParams.builder(FOREST_TREES, FOREST_DEPTH)
                .seed(seed)
                .nthread(threads)
                .build());
    }

    /** Fits forest, ridge, their average and their stack; results in that order. */
    public static List<TrainingResult> run(
            TrainingData data, Tracker tracker, long seed, int threads, TrainingListener progress) {
        TrackedTraining training = new TrackedTraining(tracker, EXPERIMENT, "EnsembleExample", progress);
        Trainer<? extends Model> ridge = new RidgeTrainer(RidgeParams.of(1.0));
        Trainer<? extends Model> rf = forest(seed, threads);
        return List.of(
                training.fit("xgb-rf", rf, data),
                training.fit("ridge", ridge, data),
                training.fit(
                        "average-rf-ridge", new AveragingTrainer(List.of(rf, ridge), new double[] {0.5, 0.5}), data),
                training.fit(
                        "stack-rf-ridge",
                        new StackingTrainer(
                                List.of(rf, ridge), new OlsTrainer(OlsParams.defaults()), STACK_FOLDS, seed),
                        data));
    }

    public static void main(String[] args) {
        Path train = Path.of(args.length > 0 ? args[0] : "data/tlc/green_tripdata_2023-01.parquet");
        Path valid = Path.of(args.length > 1 ? args[1] : "data/tlc/green_tripdata_2023-02.parquet");
        TrainingData data = TrainingData.load(train, valid, TlcRecipes.course());
        try (SqliteTrackingStore store =
                args.length > 2 ? SqliteTrackingStore.open(Path.of(args[2])) : SqliteTrackingStore.openDefault()) {
            List<TrainingResult> results = run(
                    data,
                    store,
                    42,
                    Runtime.getRuntime().availableProcessors(),
                    new dev.lathe.workflow.ProgressListener(new java.io.PrintWriter(System.err, true), 1));
            for (TrainingResult r : results) {
                System.out.printf(Locale.ROOT, "%-10s  %-32s  %.4f%n", r.trainerName(), r.runId(), r.validationRmse());
            }
        }
    }
}
