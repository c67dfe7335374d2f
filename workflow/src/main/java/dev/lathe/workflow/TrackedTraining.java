package dev.lathe.workflow;

import dev.lathe.core.LatheVersion;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.trainers.TrainerCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits one trainer on a training month inside a tracked run: per-round metrics (boosting) and the
 * final training/validation RMSE, MAE and R^2 are logged, with the trainer's hyperparameters, the
 * datasets and the fitted pipeline as artifact {@value #PIPELINE_ARTIFACT}. A failed fit ends the run
 * FAILED and rethrows. Shared by {@code lathe train} and the example mains.
 */
public final class TrackedTraining {
    /** Where the fitted pipeline is stored among the run's artifacts. */
    public static final String PIPELINE_ARTIFACT = "model/pipeline.lathe";

    public static final String VALIDATION_RMSE = "validation_rmse";

    private final Tracker tracker;
    private final String experimentId;
    private final String source;
    private final TrainingListener listener;

    /**
     * @param source what started the runs (tag {@code mlflow.source.name}), e.g. "lathe train"
     * @param listener observes every fit (progress); {@link TrainingListener#none()} for silence
     */
    public TrackedTraining(Tracker tracker, String experiment, String source, TrainingListener listener) {
        this.tracker = tracker;
        this.experimentId = tracker.getOrCreateExperiment(experiment);
        this.source = source;
        this.listener = listener;
    }

    public String experimentId() {
        return experimentId;
    }

    /** Fits {@code trainer} on {@code data} in a new run named {@code runName}. */
    public TrainingResult fit(String runName, Trainer<? extends Model> trainer, TrainingData data) {
        Dataset train = data.data().train();
        Dataset valid = data.data().valid();
        try (ActiveRun run = tracker.startRun(RunSpec.builder(experimentId)
                .runName(runName)
                .tag("lathe.version", LatheVersion.VERSION)
                .tag("mlflow.source.name", source)
                .build())) {
            try {
                String target = data.recipe().target();
                run.logInput(input(train, data.trainFile().toString(), "train", target));
                run.logInput(input(valid, data.validFile().toString(), "eval", target));
                long[] nextStep = {0};
                TrainingListener toRun = new TrainingListener() {
                    @Override
                    public void metric(String key, double value, long step) {
                        run.logMetric(key, value, step);
                        nextStep[0] = Math.max(nextStep[0], step + 1);
                    }
                };
                long start = System.nanoTime();
                Model model = trainer.fit(
                        train,
                        FitContext.builder()
                                .validation(valid)
                                .listener(listener)
                                .listener(toRun)
                                .build());
                double fitSeconds = (System.nanoTime() - start) / 1e9;
                Map<String, Double> metrics = evaluate(model, train, valid);
                metrics.put("fit_seconds", fitSeconds);
                run.logParams(params(trainer, model, data));
                // After any per-round points, so that the run's latest value is the final model's.
                run.logMetrics(metrics, nextStep[0]);
                FittedPipeline pipeline = data.pipeline(model);
                run.logArtifact(PIPELINE_ARTIFACT, pipeline.toBytes());
                run.end(RunStatus.FINISHED);
                return new TrainingResult(run.runId(), trainer.name(), pipeline, metrics);
            } catch (RuntimeException e) {
                run.setTag("lathe.error", String.valueOf(e.getMessage()));
                run.end(RunStatus.FAILED);
                throw e;
            }
        }
    }

    private static Map<String, Double> evaluate(Model model, Dataset train, Dataset valid) {
        RegressionEvaluator evaluator = new RegressionEvaluator();
        RegressionEvaluation onTrain = evaluator.evaluate(train.target(), model.predict(train.features()));
        RegressionEvaluation onValid = evaluator.evaluate(valid.target(), model.predict(valid.features()));
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("training_rmse", onTrain.rootMeanSquaredError());
        metrics.put("training_mae", onTrain.meanAbsoluteError());
        metrics.put("training_r2", onTrain.r2Score());
        metrics.put(VALIDATION_RMSE, onValid.rootMeanSquaredError());
        metrics.put("validation_mae", onValid.meanAbsoluteError());
        metrics.put("validation_r2", onValid.r2Score());
        return metrics;
    }

    private static Map<String, String> params(Trainer<?> trainer, Model model, TrainingData data) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(TrainerCatalog.TRAINER_PARAM, trainer.name());
        params.putAll(trainer.hyperparameters());
        model.provenance().fitDetails().forEach((k, v) -> params.put("fit." + k, v));
        params.put("recipe", data.recipe().name());
        params.put("target", data.recipe().target());
        params.put("categorical", String.join(",", data.recipe().categorical()));
        params.put("numerical", String.join(",", data.recipe().numerical()));
        params.put("train_file", data.trainFile().getFileName().toString());
        params.put("valid_file", data.validFile().getFileName().toString());
        return params;
    }

    private static DatasetInput input(Dataset d, String source, String context, String target) {
        String schema = "{\"features\":" + d.featureCount() + ",\"target\":\"" + target + "\"}";
        return new DatasetInput(d.name(), d.digest(), source, schema, d.rows(), context);
    }
}
