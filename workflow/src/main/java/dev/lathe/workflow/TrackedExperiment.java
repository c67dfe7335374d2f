package dev.lathe.workflow;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.evaluation.report.ReportArtifacts;
import dev.lathe.evaluation.report.ReportBuilder;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.ParamSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One experiment of a {@link Lathe} store: trains, tunes and evaluates in tracked runs that follow
 * the {@link RunConvention}, tagged with source {@value #SOURCE}.
 */
public final class TrackedExperiment {
    /** The {@code mlflow.source.name} of runs made through the entry point. */
    public static final String SOURCE = "lathe library";

    private final TrackingStore store;
    private final String name;
    private final TrackedTraining training;

    TrackedExperiment(TrackingStore store, String name) {
        this.store = store;
        this.name = name;
        this.training = new TrackedTraining(store, name, SOURCE, TrainingListener.none());
    }

    public String name() {
        return name;
    }

    public String id() {
        return training.experimentId();
    }

    /** Fits {@code trainer} on {@code data} in a run named {@code <trainer>-<training file>}. */
    public TrainingResult train(Trainer<? extends Model> trainer, TrainingData data) {
        return training.fit(trainer.name() + "-" + data.data().train().name(), trainer, data);
    }

    /** A search of {@code space}, each trial's trainer built by {@code trainers}; configure it, then run it. */
    public TrackedSearch tune(SearchSpace space, Function<ParamSet, Trainer<?>> trainers) {
        return new TrackedSearch(store, name, SOURCE, space, trainers);
    }

    /**
     * Scores the pipeline {@code model} (a path or a {@code models:/}, {@code runs:/} URI) on the trips
     * of {@code data} in a run of its own: the model's trainer and params, {@code validation_<m>} of
     * its predictions, the data as an "eval" input, and the report.
     */
    public EvaluationResult evaluate(String model, Path data) {
        FittedPipeline pipeline = PipelineSource.load(model, store);
        String target = pipeline.recipe().target();
        Dataset eval = TrainValid.toDataset(data, TrainValid.prepare(pipeline.recipe(), data), pipeline.encoder());
        double[] predicted = pipeline.model().predict(eval.features());
        Map<String, Double> metrics = RunConvention.metrics(RunConvention.VALIDATION, eval.target(), predicted);
        try (ActiveRun run = store.startRun(RunConvention.spec(id(), "evaluate-" + eval.name(), SOURCE)
                .tag("lathe.model_uri", model)
                .tag(RunConvention.RECIPE_TAG, pipeline.recipe().name())
                .tag(RunConvention.TARGET_TAG, target)
                .build())) {
            try {
                Map<String, String> params =
                        new TreeMap<>(pipeline.model().provenance().hyperparameters());
                params.put(RunConvention.TRAINER, pipeline.model().provenance().trainer());
                run.logParams(params);
                run.logInput(RunConvention.input(eval, data.toString(), target, RunConvention.EVAL_CONTEXT));
                run.logMetrics(metrics, 0);
                ReportArtifacts.log(
                        new ReportBuilder(model + " on " + eval.name(), eval.target(), predicted)
                                .targetLabel(target)
                                .provenance(pipeline.model().provenance())
                                .dataset("eval", eval)
                                .build(),
                        run,
                        RunConvention.REPORT_DIR);
                run.end(RunStatus.FINISHED);
                return new EvaluationResult(run.runId(), metrics);
            } catch (RuntimeException e) {
                RunConvention.failed(run, e);
                throw e;
            }
        }
    }

    /**
     * Scores every row of {@code data} with the pipeline {@code model} (a path or a {@code models:/},
     * {@code runs:/} URI) and writes them, with their predictions, to {@code output} ({@code .parquet} or
     * {@code .csv}), streaming in chunks; logged as a run with the model, the input and the row counts.
     */
    public PredictionResult predict(String model, Path data, Path output) {
        return new BatchPrediction(store, id(), model, data, output).run();
    }
}
