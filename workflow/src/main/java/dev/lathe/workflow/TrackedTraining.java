package dev.lathe.workflow;

import dev.lathe.core.LatheException;
import dev.lathe.core.LatheVersion;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunScope;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.workflow.model.ModelDirectory;
import java.util.Optional;

/**
 * Fits one trainer on a training month inside a tracked run that follows the {@link RunConvention}
 * (through {@link ConventionListener}) and logs the run's report. A failed fit ends the run FAILED
 * with its error and stack trace, and rethrows. Shared by {@code lathe train}, the demo, the {@link
 * Lathe} entry point and the example mains; {@link #fitInto} fits the same way into a run opened
 * elsewhere (a JUnit experiment test's).
 */
public final class TrackedTraining {
    /** Where the fitted pipeline is stored among the run's artifacts. */
    public static final String PIPELINE_ARTIFACT = ModelDirectory.PIPELINE_ARTIFACT;

    public static final String VALIDATION_RMSE = RunConvention.VALIDATION_RMSE;

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
        return fit(runName, trainer, data, RunExtras.none());
    }

    /** As {@link #fit(String, Trainer, TrainingData)}, with what the entry point adds to the run. */
    public TrainingResult fit(String runName, Trainer<? extends Model> trainer, TrainingData data, RunExtras extras) {
        return RunScope.call(
                tracker,
                RunConvention.spec(experimentId, runName, source).build(),
                run -> fitInto(run, trainer, data, listener, extras));
    }

    /**
     * Fits {@code trainer} on {@code data} into {@code run}, a run already open (a JUnit experiment
     * test's, say), by the {@link RunConvention}, and leaves the run open: whoever opened it ends it.
     */
    public static TrainingResult fitInto(ActiveRun run, Trainer<? extends Model> trainer, TrainingData data) {
        return fitInto(run, trainer, data, TrainingListener.none(), RunExtras.none());
    }

    /**
     * The one tracked fit behind every entry point: params, inputs, per-round and final metrics,
     * {@code model/} and the report, logged into the open {@code run}, which is not ended. A failed fit
     * records its error (message tag, stack trace artifact) on the run and rethrows.
     *
     * @param listener observes the fit besides the convention (progress); {@link TrainingListener#none()}
     */
    public static TrainingResult fitInto(
            ActiveRun run,
            Trainer<? extends Model> trainer,
            TrainingData data,
            TrainingListener listener,
            RunExtras extras) {
        LatheException.check(
                run != null && trainer != null && data != null && listener != null && extras != null,
                "a tracked fit needs a run, a trainer, data, a listener and extras");
        try {
            run.setTag(RunConvention.VERSION_TAG, LatheVersion.VERSION);
            ConventionListener convention = new ConventionListener(run, data, ConventionListener.signatureOf(data));
            Model model = trainer.fit(
                    data.data().train(),
                    FitContext.builder()
                            .validation(data.data().valid())
                            .listener(listener)
                            .listener(convention)
                            .build());
            TrainingResult result = convention.result();
            RunReport.log(run, model, data, convention.history(), Optional.empty(), r -> extras.report(r, result));
            extras.log(run, result);
            return result;
        } catch (RuntimeException e) {
            RunConvention.recordFailure(run, e);
            throw e;
        }
    }
}
