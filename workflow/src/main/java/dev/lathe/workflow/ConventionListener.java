package dev.lathe.workflow;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.workflow.model.ModelDirectory;
import dev.lathe.workflow.model.ModelSignature;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Logs one fit into one run by the {@link RunConvention}: params and dataset inputs when the fit
 * starts, every per-round metric at its step, and when it ends the metrics of the model as saved
 * (after the last round's step, so they are each key's latest value), the fit time and the
 * {@code model/} directory. The one implementation behind {@code train}, search trials and parents,
 * the demo and the {@link Lathe} entry point.
 */
public final class ConventionListener implements TrainingListener {
    private final ActiveRun run;
    private final TrainingData data;
    private final Supplier<ModelSignature> signature;
    private final Map<String, SortedMap<Long, Double>> history = new LinkedHashMap<>();
    private long nextStep;
    private TrainingResult result;

    /**
     * @param signature the pipeline's input signature, computed once per training data and shared by
     *     every fit on it (see {@link #signatureOf})
     */
    public ConventionListener(ActiveRun run, TrainingData data, Supplier<ModelSignature> signature) {
        LatheException.check(run != null && data != null && signature != null, "convention listener needs a run");
        this.run = run;
        this.data = data;
        this.signature = signature;
    }

    /** The signature of pipelines fitted on {@code data}, from the training file's first rows as read. */
    public static Supplier<ModelSignature> signatureOf(TrainingData data) {
        return new Supplier<>() {
            private ModelSignature value;

            @Override
            public synchronized ModelSignature get() {
                if (value == null) {
                    value = ModelSignature.of(
                            data.inputColumns(), data.targetName(), data.data().trainSample(), data.trainFile());
                }
                return value;
            }
        };
    }

    @Override
    public void fitStarted(Trainer<?> trainer, Dataset train, Optional<Dataset> validation) {
        run.logParams(RunConvention.params(trainer));
        logInputs(run, data);
    }

    /** Logs the training and validation datasets of {@code data} as inputs of {@code run}, and its recipe. */
    static void logInputs(ActiveRun run, TrainingData data) {
        String target = data.targetName();
        run.setTag(RunConvention.RECIPE_TAG, data.recipe().name());
        run.setTag(RunConvention.TARGET_TAG, target);
        run.logInput(RunConvention.input(
                data.data().train(), data.trainFile().toString(), target, RunConvention.TRAIN_CONTEXT));
        run.logInput(RunConvention.input(
                data.data().valid(), data.validFile().toString(), target, RunConvention.EVAL_CONTEXT));
    }

    @Override
    public void metric(String key, double value, long step) {
        run.logMetric(key, value, step);
        history.computeIfAbsent(key, k -> new TreeMap<>()).put(step, value);
        nextStep = Math.max(nextStep, step + 1);
    }

    @Override
    public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
        Map<String, Double> metrics =
                RunConvention.metrics(model, data.data().train(), data.data().valid());
        metrics.put(RunConvention.FIT_SECONDS, elapsed.toNanos() / 1e9);
        run.logMetrics(metrics, nextStep);
        FittedPipeline pipeline = data.pipeline(model);
        ModelDirectory.log(run, pipeline, trainer.name(), trainer.hyperparameters(), signature.get());
        result = new TrainingResult(run.runId(), trainer.name(), pipeline, metrics);
    }

    /** What the fit produced; available once it finished. */
    public TrainingResult result() {
        LatheException.check(result != null, "run %s: the fit has not finished", run.runId());
        return result;
    }

    /** Every per-round value the fit reported, by key and step. */
    public Map<String, SortedMap<Long, Double>> history() {
        return history;
    }
}
