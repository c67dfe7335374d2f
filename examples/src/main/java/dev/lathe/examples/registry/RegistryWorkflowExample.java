package dev.lathe.examples.registry;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.ModelRegistration;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's registry notebook: train candidate models, find the best run by validation RMSE with a
 * search, register its pipeline as a new version of a named model and point alias {@value #ALIAS} at
 * it, so that any other JVM loads it as {@code models:/<name>@champion} (see {@link ChampionLoader}).
 *
 * <p>Usage: {@code RegistryWorkflowExample STORE_DIR [TRAIN VALID]}.
 */
public final class RegistryWorkflowExample {
    public static final String EXPERIMENT = "nyc-taxi-registry";
    public static final String MODEL_NAME = "nyc-taxi-duration";
    public static final String ALIAS = "champion";

    private RegistryWorkflowExample() {}

    /** What the workflow registered. */
    public record Outcome(List<TrainingResult> candidates, String championRunId, int version, String uri) {}

    public static Outcome run(TrainingData data, TrackingStore store, String modelName) {
        TrackedTraining training =
                new TrackedTraining(store, EXPERIMENT, "RegistryWorkflowExample", TrainingListener.none());
        List<TrainingResult> candidates = List.of(
                training.fit("ols", new OlsTrainer(OlsParams.defaults()), data),
                training.fit("ridge-alpha-1", new RidgeTrainer(RidgeParams.of(1.0)), data),
                training.fit("ridge-alpha-10", new RidgeTrainer(RidgeParams.of(10.0)), data));
        List<Run> best = store.searchRuns(
                        List.of(training.experimentId()),
                        "attributes.status = 'FINISHED'",
                        List.of("metrics.validation_rmse ASC"),
                        1,
                        null,
                        ViewType.ACTIVE_ONLY)
                .items();
        LatheException.check(!best.isEmpty(), "no finished run in experiment %s to register", EXPERIMENT);
        String runId = best.get(0).info().runId();
        int version = ModelRegistration.register(store, runId, modelName, List.of(ALIAS))
                .version();
        return new Outcome(candidates, runId, version, "models:/" + modelName + "@" + ALIAS);
    }

    public static void main(String[] args) {
        LatheException.check(
                args.length == 1 || args.length == 3, "usage: RegistryWorkflowExample STORE_DIR [TRAIN VALID]");
        Path train = Path.of(args.length > 1 ? args[1] : "data/tlc/green_tripdata_2023-01.parquet");
        Path valid = Path.of(args.length > 2 ? args[2] : "data/tlc/green_tripdata_2023-02.parquet");
        TrainingData data = TrainingData.load(train, valid, TlcRecipes.course());
        try (SqliteTrackingStore store = SqliteTrackingStore.open(Path.of(args[0]))) {
            Outcome o = run(data, store, MODEL_NAME);
            System.out.println("registered " + MODEL_NAME + " version " + o.version() + " from run " + o.championRunId()
                    + "; load it as " + o.uri());
        }
    }
}
