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
import java.time.Duration;
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
        return run(options, tracker, StageClock.start());
    }

    /**
     * As {@link #run(DemoOptions, Tracker)}, timing every stage on {@code clock} (started by the caller,
     * who may have laps of its own before and after, such as opening and closing the store).
     */
    public static DemoResult run(DemoOptions options, Tracker store, StageClock clock) {
        Recipe recipe = options.recipe();
        Tracker tracker = clock.track(store);
        Table rawTrain = TableReader.read(options.trainFile(), recipe.inputColumns());
        Table rawValid = TableReader.read(options.validFile(), recipe.inputColumns());
        clock.lap(DemoStage.READ);
        PreparedTable train = recipe.prepare(rawTrain, options.trainFile().toString());
        PreparedTable valid = recipe.prepare(rawValid, options.validFile().toString());
        clock.lap(DemoStage.PREP);
        DictVectorizer encoder = DictVectorizer.fit(train.features());
        Dataset trainSet = TrainValid.toDataset(options.trainFile(), train, encoder);
        Dataset validSet = TrainValid.toDataset(options.validFile(), valid, encoder);
        TrainingData data = new TrainingData(
                options.trainFile(),
                options.validFile(),
                recipe,
                new TrainValid(trainSet, validSet, encoder, train.report(), valid.report(), train.inputSample()));
        clock.lap(DemoStage.VECTORIZE);

        TrackedTraining training =
                new TrackedTraining(tracker, options.experiment(), "lathe demo", new TrainingListener() {
                    @Override
                    public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
                        clock.lap(DemoStage.FIT); // before the run convention's listener computes and logs the metrics
                    }
                });
        Trainer<? extends Model> trainer = trainer(options);
        TrainingResult result = training.fit(
                options.model() + "-" + TrainValid.datasetName(options.trainFile()), trainer, data, new RunExtras() {
                    @Override
                    public ReportBuilder report(ReportBuilder report, TrainingResult fitted) {
                        clock.lap(DemoStage.EVALUATE);
                        double[] predictions = fitted.pipeline().model().predict(validSet.features());
                        return DemoReport.sections(report, validSet, predictions, train, valid, recipe.target(), clock);
                    }

                    @Override
                    public void log(ActiveRun run, TrainingResult fitted) {
                        clock.lap(DemoStage.REPORT);
                        Map<String, Double> sizes = new TreeMap<>();
                        sizes.put("rows_train", (double) trainSet.rows());
                        sizes.put("rows_valid", (double) validSet.rows());
                        sizes.put("features", (double) trainSet.featureCount());
                        run.logMetrics(sizes, 0);
                        run.logArtifact(PREP_REPORT, json(Map.of("train", train.report(), "valid", valid.report())));
                    }
                });
        clock.lap(DemoStage.TRACKING);
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
                clock.timings(),
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
}
