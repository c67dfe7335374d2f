package dev.lathe.workflow;

import dev.lathe.core.LatheVersion;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.trainers.TrainerCatalog;
import dev.lathe.tuning.tracking.TrialTags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one convention every Lathe run follows (docs/tracking-conventions.md): its key names, and the
 * params, metrics, dataset inputs, tags and failure record that every entry point logs through
 * {@link ConventionListener}, so that the same key means the same number in every run.
 */
public final class RunConvention {
    /** Param holding the trainer's name, next to its hyperparameters (the catalog's, read by --params-from). */
    public static final String TRAINER = TrainerCatalog.TRAINER_PARAM;
    /** Prefix of the metrics of the model as saved on the training data. */
    public static final String TRAINING = "training_";
    /** Prefix of the metrics of the model as saved on the validation data. */
    public static final String VALIDATION = "validation_";
    /** The metrics logged with each prefix. */
    public static final List<String> METRICS = List.of("rmse", "mae", "r2");
    /** The validation RMSE, the default search score. */
    public static final String VALIDATION_RMSE = VALIDATION + "rmse";
    /** Metric: wall time of the fit in seconds. */
    public static final String FIT_SECONDS = "fit_seconds";
    /** Artifact directory of the run's HTML, JSON and Markdown report. */
    public static final String REPORT_DIR = "evaluation";
    /** Tag: the Lathe version that logged the run. */
    public static final String VERSION_TAG = "lathe.version";
    /** Tag: the entry point that started the run (MLflow's source name), e.g. "lathe train". */
    public static final String SOURCE_TAG = "mlflow.source.name";
    /** Tag: the name of the recipe that prepared the run's data. */
    public static final String RECIPE_TAG = "lathe.recipe";
    /** Tag: the column the run's model predicts. */
    public static final String TARGET_TAG = "lathe.target";
    /** Tag: the message of the error a failed run ended with. */
    public static final String ERROR_TAG = "lathe.error";
    /** Artifact: the stack trace of the error a failed run ended with. */
    public static final String ERROR_ARTIFACT = TrialTags.STACK_TRACE_ARTIFACT;
    /** Dataset contexts of the inputs. */
    public static final String TRAIN_CONTEXT = "train";

    public static final String EVAL_CONTEXT = "eval";

    private RunConvention() {}

    /** A new run of {@code experimentId} named {@code runName}, tagged with the version and its source. */
    public static RunSpec.Builder spec(String experimentId, String runName, String source) {
        return RunSpec.builder(experimentId)
                .runName(runName)
                .tag(VERSION_TAG, LatheVersion.VERSION)
                .tag(SOURCE_TAG, source);
    }

    /** The params of a fit: the trainer's hyperparameters under their declared names, and its name. */
    public static SortedMap<String, String> params(Trainer<?> trainer) {
        SortedMap<String, String> params = new TreeMap<>(trainer.hyperparameters());
        params.put(TRAINER, trainer.name());
        return params;
    }

    /** {@code training_<m>} and {@code validation_<m>} of {@code model} as it predicts (as saved). */
    public static Map<String, Double> metrics(Model model, Dataset train, Dataset valid) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.putAll(metrics(TRAINING, model, train));
        metrics.putAll(metrics(VALIDATION, model, valid));
        return metrics;
    }

    /** {@code <prefix><m>} of {@code model}'s predictions on {@code data}, for each of {@link #METRICS}. */
    public static Map<String, Double> metrics(String prefix, Model model, Dataset data) {
        return metrics(prefix, data.target(), model.predict(data.features()));
    }

    /** {@code <prefix><m>} of {@code predicted} against {@code actual}, for each of {@link #METRICS}. */
    public static Map<String, Double> metrics(String prefix, double[] actual, double[] predicted) {
        RegressionEvaluation e = new RegressionEvaluator().evaluate(actual, predicted);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(prefix + "rmse", e.rootMeanSquaredError());
        metrics.put(prefix + "mae", e.meanAbsoluteError());
        metrics.put(prefix + "r2", e.r2Score());
        return metrics;
    }

    /** A dataset input: name, digest, source file, schema (features and target), rows, context. */
    public static DatasetInput input(Dataset d, String source, String target, String context) {
        String schema = "{\"features\":" + d.featureCount() + ",\"target\":\"" + target + "\"}";
        return new DatasetInput(d.name(), d.digest(), source, schema, d.rows(), context);
    }

    /** Records {@code error} on {@code run} (message tag, stack trace artifact) and ends it FAILED. */
    public static void failed(ActiveRun run, RuntimeException error) {
        recordFailure(run, error);
        run.end(RunStatus.FAILED);
    }

    /**
     * Records {@code error} on {@code run} (message tag, stack trace artifact) and leaves the run open;
     * a failure to record is added to {@code error} as suppressed.
     */
    public static void recordFailure(ActiveRun run, RuntimeException error) {
        try {
            run.setTag(ERROR_TAG, String.valueOf(error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            run.logArtifact(ERROR_ARTIFACT, trace.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException recording) {
            error.addSuppressed(recording);
        }
    }
}
