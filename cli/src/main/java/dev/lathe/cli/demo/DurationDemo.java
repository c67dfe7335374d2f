package dev.lathe.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.report.ReportBuilder;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.RunExtras;
import dev.lathe.workflow.TrackedTraining;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * The main job: read a training and a validation month, prepare and encode them, fit a linear model
 * and log the run through the one run convention ({@link TrackedTraining}), adding what only the demo
 * has: the report's pickup-zone errors and drift, the prep report and the data's sizes. All input is
 * read and validated before the run starts, so bad input never leaves a half-written run.
 */
public final class DurationDemo {
    /** Artifact: what the recipe kept and removed in each file. */
    public static final String PREP_REPORT = "prep_report.json";

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
        TrainingData data = new TrainingData(
                options.trainFile(),
                options.validFile(),
                recipe,
                new TrainValid(trainSet, validSet, encoder, train.report(), valid.report(), train.inputSample()));
        long t3 = System.nanoTime();

        TrackedTraining training =
                new TrackedTraining(tracker, options.experiment(), "lathe demo", TrainingListener.none());
        Trainer<? extends Model> trainer = trainer(options);
        TrainingResult result = training.fit(
                options.model() + "-" + TrainValid.datasetName(options.trainFile()), trainer, data, new RunExtras() {
                    @Override
                    public ReportBuilder report(ReportBuilder report, TrainingResult fitted) {
                        double[] predictions = fitted.pipeline().model().predict(validSet.features());
                        return DemoReport.sections(report, validSet, predictions, train, valid, recipe.target());
                    }

                    @Override
                    public void log(ActiveRun run, TrainingResult fitted) {
                        Map<String, Double> sizes = new TreeMap<>();
                        sizes.put("rows_train", (double) trainSet.rows());
                        sizes.put("rows_valid", (double) validSet.rows());
                        sizes.put("features", (double) trainSet.featureCount());
                        run.logMetrics(sizes, 0);
                        run.logArtifact(PREP_REPORT, json(Map.of("train", train.report(), "valid", valid.report())));
                    }
                });
        long t4 = System.nanoTime();
        double fit = result.metrics().get(RunConvention.FIT_SECONDS);
        StageTimings timings =
                new StageTimings(sec(t0, t1), sec(t1, t2), sec(t2, t3), fit, Math.max(0, sec(t3, t4) - fit));
        Map<String, Double> m = result.metrics();
        return new DemoResult(
                recipe,
                train.report(),
                valid.report(),
                trainSet.featureCount(),
                trainer.name(),
                result.pipeline().model().provenance().fitDetails(),
                m.get(RunConvention.TRAINING + "rmse"),
                m.get(RunConvention.VALIDATION_RMSE),
                m.get(RunConvention.VALIDATION + "mae"),
                m.get(RunConvention.VALIDATION + "r2"),
                timings,
                training.experimentId(),
                result.runId(),
                tracker.location());
    }

    private static Trainer<? extends Model> trainer(DemoOptions options) {
        return "ridge".equals(options.model())
                ? new RidgeTrainer(RidgeParams.of(options.alpha()))
                : new OlsTrainer(OlsParams.defaults());
    }

    private static byte[] json(Object value) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LatheException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
