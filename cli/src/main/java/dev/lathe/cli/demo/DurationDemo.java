package dev.lathe.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheVersion;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.evaluation.report.ReportArtifacts;
import dev.lathe.trainers.TrainerCatalog;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * The main job: read a training and a validation file, prepare and encode them, fit a linear model,
 * evaluate it, and log the run (params, metrics, datasets, the fitted pipeline) to a tracker. All input
 * is read and validated before the run starts, so bad input never leaves a half-written run.
 */
public final class DurationDemo {
    private DurationDemo() {}

    public static DemoResult run(DemoOptions options, Tracker tracker) {
        Recipe recipe = options.recipe();
        long t0 = System.nanoTime();
        Table rawTrain = TableReader.read(options.trainFile(), recipe.inputColumns());
        Table rawValid = TableReader.read(options.validFile(), recipe.inputColumns());
        long t1 = System.nanoTime();
        PreparedTable train = recipe.prepare(rawTrain, options.trainFile().toString());
        PreparedTable valid = recipe.prepare(rawValid, options.validFile().toString());
        long t2 = System.nanoTime();
        DictVectorizer encoder = DictVectorizer.fit(train.features());
        Dataset trainSet = TrainValid.toDataset(options.trainFile(), train, encoder);
        Dataset validSet = TrainValid.toDataset(options.validFile(), valid, encoder);
        long t3 = System.nanoTime();

        String experimentId = tracker.getOrCreateExperiment(options.experiment());
        Trainer<? extends Model> trainer = trainer(options);
        try (ActiveRun run = tracker.startRun(RunSpec.builder(experimentId)
                .runName(options.model() + "-" + TrainValid.datasetName(options.trainFile()))
                .tag("lathe.version", LatheVersion.VERSION)
                .tag("mlflow.source.name", "lathe demo")
                .build())) {
            try {
                Model model = trainer.fit(trainSet);
                long t4 = System.nanoTime();
                RegressionEvaluator evaluator = new RegressionEvaluator();
                RegressionEvaluation onTrain =
                        evaluator.evaluate(trainSet.target(), model.predict(trainSet.features()));
                double[] validPredictions = model.predict(validSet.features());
                RegressionEvaluation onValid = evaluator.evaluate(validSet.target(), validPredictions);
                long t5 = System.nanoTime();
                StageTimings timings =
                        new StageTimings(sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t3, t4), sec(t4, t5));
                log(run, options, trainer, model, trainSet, validSet, onTrain, onValid, timings);
                run.logArtifact("model/pipeline.lathe", new FittedPipeline(recipe, encoder, model).toBytes());
                ReportArtifacts.log(
                        DemoReport.build(model, trainSet, validSet, validPredictions, train, valid, recipe.target()),
                        run,
                        "evaluation");
                run.logArtifact("prep_report.json", json(Map.of("train", train.report(), "valid", valid.report())));
                run.end(RunStatus.FINISHED);
                return new DemoResult(
                        recipe,
                        train.report(),
                        valid.report(),
                        trainSet.featureCount(),
                        trainer.name(),
                        model.provenance().fitDetails(),
                        onTrain.rootMeanSquaredError(),
                        onValid.rootMeanSquaredError(),
                        onValid.meanAbsoluteError(),
                        onValid.r2Score(),
                        timings,
                        experimentId,
                        run.runId(),
                        tracker.location());
            } catch (RuntimeException e) {
                run.setTag("lathe.error", String.valueOf(e.getMessage()));
                run.end(RunStatus.FAILED);
                throw e;
            }
        }
    }

    private static Trainer<? extends Model> trainer(DemoOptions options) {
        return "ridge".equals(options.model())
                ? new RidgeTrainer(RidgeParams.of(options.alpha()))
                : new OlsTrainer(OlsParams.defaults());
    }

    private static void log(
            ActiveRun run,
            DemoOptions options,
            Trainer<?> trainer,
            Model model,
            Dataset train,
            Dataset valid,
            RegressionEvaluation onTrain,
            RegressionEvaluation onValid,
            StageTimings timings) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(TrainerCatalog.TRAINER_PARAM, trainer.name());
        trainer.hyperparameters().forEach(params::put);
        model.provenance().fitDetails().forEach((k, v) -> params.put("fit." + k, v));
        Recipe recipe = options.recipe();
        params.put("recipe", recipe.name());
        params.put("target", recipe.target());
        params.put("categorical", String.join(",", recipe.categorical()));
        params.put("numerical", String.join(",", recipe.numerical()));
        params.put(
                "filters",
                String.join(
                        "; ", recipe.filters().stream().map(f -> f.expression()).toList()));
        params.put("train_file", options.trainFile().getFileName().toString());
        params.put("valid_file", options.validFile().getFileName().toString());
        run.logParams(params);
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("training_rmse", onTrain.rootMeanSquaredError());
        metrics.put("training_mae", onTrain.meanAbsoluteError());
        metrics.put("training_r2", onTrain.r2Score());
        metrics.put("validation_rmse", onValid.rootMeanSquaredError());
        metrics.put("validation_mae", onValid.meanAbsoluteError());
        metrics.put("validation_r2", onValid.r2Score());
        metrics.put("rows_train", (double) train.rows());
        metrics.put("rows_valid", (double) valid.rows());
        metrics.put("features", (double) train.featureCount());
        metrics.put("fit_seconds", timings.fit());
        run.logMetrics(metrics, 0);
        String schema = new String(
                json(Map.of(
                        "categorical",
                        recipe.categorical(),
                        "numerical",
                        recipe.numerical(),
                        "target",
                        recipe.target(),
                        "features",
                        train.featureCount())),
                StandardCharsets.UTF_8);
        run.logInput(new DatasetInput(
                train.name(), train.digest(), options.trainFile().toString(), schema, train.rows(), "train"));
        run.logInput(new DatasetInput(
                valid.name(), valid.digest(), options.validFile().toString(), schema, valid.rows(), "eval"));
    }

    private static byte[] json(Object value) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new dev.lathe.core.LatheException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
