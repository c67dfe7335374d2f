package dev.lathe.evaluation.autolog;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.HasFeatureImportance;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Autologging as a {@link TrainingListener} (what {@code mlflow.autolog()} records, without code in
 * trainers): the trainer's hyperparameters as params, the training and validation datasets as inputs,
 * per-step metrics with their step, training_rmse/mae/r2 after the fit, the model artifact with its
 * input schema, and feature importance when the model offers it. Keys the run already holds (logged by
 * hand, seen through {@link Tracker#getRun} when a tracker is given) or that this listener
 * logged before are skipped. One instance observes one fit at a time.
 */
public final class Autolog implements TrainingListener {
    /** Artifact path of the fitted model. */
    public static final String MODEL_ARTIFACT = "model/model.lathe";
    /** Artifact path of the model's input schema (feature names, JSON array). */
    public static final String SCHEMA_ARTIFACT = "model/input_schema.json";
    /** Artifact path of the feature importances (JSON object). */
    public static final String IMPORTANCE_ARTIFACT = "feature_importance.json";

    private final ActiveRun run;
    private final Tracker tracker;
    private final AutologSettings settings;
    private final RegressionEvaluator evaluator = new RegressionEvaluator();
    private final Set<String> loggedParams = new HashSet<>();
    private final Set<String> loggedMetrics = new HashSet<>();
    private final Map<String, Long> lastStep = new java.util.HashMap<>();
    private Set<String> handMetrics = Set.of();
    private Dataset train;

    private Autolog(ActiveRun run, Tracker tracker, AutologSettings settings) {
        this.run = run;
        this.tracker = tracker;
        this.settings = settings;
    }

    /** Autologs into {@code run} with default settings, without reading back what the run holds. */
    public static Autolog to(ActiveRun run) {
        return builder(run).build();
    }

    public static Builder builder(ActiveRun run) {
        return new Builder(run);
    }

    public AutologSettings settings() {
        return settings;
    }

    @Override
    public void fitStarted(Trainer<?> trainer, Dataset trainData, Optional<Dataset> validation) {
        this.train = trainData;
        lastStep.clear();
        if (!settings.enabled()) {
            return;
        }
        Map<String, String> existingParams = Map.of();
        if (tracker != null) {
            Run logged = tracker.getRun(run.runId());
            existingParams = logged.data().params();
            handMetrics = new HashSet<>(logged.data().latestMetrics().keySet());
        }
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, String> e : trainer.hyperparameters().entrySet()) {
            if (!existingParams.containsKey(e.getKey()) && !loggedParams.contains(e.getKey())) {
                params.put(e.getKey(), e.getValue());
            }
        }
        if (!params.isEmpty()) {
            run.logParams(params);
            loggedParams.addAll(params.keySet());
        }
        if (settings.logDatasets()) {
            run.logInput(input(trainData, "train"));
            validation.ifPresent(v -> run.logInput(input(v, "eval")));
        }
    }

    private static DatasetInput input(Dataset d, String context) {
        return new DatasetInput(d.name(), d.digest(), d.name(), AutologJson.write(d.featureNames()), d.rows(), context);
    }

    @Override
    public void metric(String key, double value, long step) {
        if (settings.enabled() && settings.logStepMetrics() && !handMetrics.contains(key)) {
            run.logMetric(key, value, step);
            lastStep.merge(key, step, Math::max);
        }
    }

    @Override
    public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
        if (!settings.enabled()) {
            return;
        }
        LatheException.check(train != null, "autolog saw fitFinished of %s without fitStarted", trainer.name());
        RegressionEvaluation e = evaluator.evaluate(model, train);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("training_rmse", e.rootMeanSquaredError());
        metrics.put("training_mae", e.meanAbsoluteError());
        metrics.put("training_r2", e.r2Score());
        metrics.put("training_duration_seconds", elapsed.toNanos() / 1e9);
        metrics.keySet().removeIf(k -> handMetrics.contains(k) || loggedMetrics.contains(k));
        // a key the trainer streamed per step gets its post-fit value at the last step, so it reads as latest
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            run.logMetric(m.getKey(), m.getValue(), lastStep.getOrDefault(m.getKey(), 0L));
            loggedMetrics.add(m.getKey());
        }
        if (settings.logModels()) {
            run.logArtifact(MODEL_ARTIFACT, ModelIO.toBytes(model));
            run.logArtifact(
                    SCHEMA_ARTIFACT, AutologJson.write(train.featureNames()).getBytes(StandardCharsets.UTF_8));
        }
        if (model instanceof HasFeatureImportance fi) {
            run.logArtifact(
                    IMPORTANCE_ARTIFACT,
                    AutologJson.write(new TreeMap<>(fi.featureImportance())).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Builder with the run required; settings default to everything on. */
    public static final class Builder {
        private final ActiveRun run;
        private Tracker tracker;
        private AutologSettings settings = AutologSettings.defaults();

        private Builder(ActiveRun run) {
            LatheException.check(run != null, "autolog needs an active run");
            this.run = run;
        }

        /** Reads the run back through this tracker to skip keys already logged by hand. */
        public Builder tracker(Tracker tracker) {
            this.tracker = tracker;
            return this;
        }

        public Builder settings(AutologSettings settings) {
            LatheException.check(settings != null, "autolog settings must not be null");
            this.settings = settings;
            return this;
        }

        public Autolog build() {
            return new Autolog(run, tracker, settings);
        }
    }
}
