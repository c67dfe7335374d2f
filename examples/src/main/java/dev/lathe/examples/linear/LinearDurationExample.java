package dev.lathe.examples.linear;

import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.ElasticNetParams;
import dev.lathe.trainers.linear.ElasticNetTrainer;
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
 * The course's week-1/2 notebook as a Java main: OLS, ridge (alpha 1) and lasso (alpha 0.01) on green
 * taxi 2023-01, validated on 2023-02, each logged as a run with its fitted pipeline.
 *
 * <p>Usage: {@code LinearDurationExample [TRAIN VALID [STORE_DIR]]} (defaults: the bundled 2023 months
 * and the default store).
 */
public final class LinearDurationExample {
    public static final String EXPERIMENT = "nyc-taxi-linear";

    /** The lasso penalty the course uses. */
    public static final double LASSO_ALPHA = 0.01;

    private LinearDurationExample() {}

    /** Fits the three linear models in one experiment and returns their results in order. */
    public static List<TrainingResult> run(TrainingData data, Tracker tracker, TrainingListener progress) {
        TrackedTraining training = new TrackedTraining(tracker, EXPERIMENT, "LinearDurationExample", progress);
        return List.of(
                training.fit("ols", new OlsTrainer(OlsParams.defaults()), data),
                training.fit("ridge-alpha-1", new RidgeTrainer(RidgeParams.of(1.0)), data),
                training.fit("lasso-alpha-0.01", new ElasticNetTrainer(ElasticNetParams.lasso(LASSO_ALPHA)), data));
    }

    public static void main(String[] args) {
        Path train = Path.of(args.length > 0 ? args[0] : "data/tlc/green_tripdata_2023-01.parquet");
        Path valid = Path.of(args.length > 1 ? args[1] : "data/tlc/green_tripdata_2023-02.parquet");
        TrainingData data = TrainingData.load(train, valid, TlcRecipes.course());
        try (SqliteTrackingStore store =
                args.length > 2 ? SqliteTrackingStore.open(Path.of(args[2])) : SqliteTrackingStore.openDefault()) {
            List<TrainingResult> results = run(data, store, TrainingListener.none());
            System.out.printf(Locale.ROOT, "%-10s  %-32s  %s%n", "model", "run_id", "validation_rmse");
            for (TrainingResult r : results) {
                System.out.printf(Locale.ROOT, "%-10s  %-32s  %.4f%n", r.trainerName(), r.runId(), r.validationRmse());
            }
            System.out.println("runs logged to " + store.location());
        }
    }
}
