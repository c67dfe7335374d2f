package dev.lathe.trainers.linear;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.Map;

/**
 * The bookkeeping every linear fit shares: announce the fit to the listeners, time it, wrap the solved
 * coefficients in a {@link LinearModel} with provenance, and report the finished model.
 */
final class FitRecorder {
    private final Trainer<LinearModel> trainer;
    private final Dataset train;
    private final TrainingListener listener;
    private final long startNanos;

    private FitRecorder(Trainer<LinearModel> trainer, Dataset train, FitContext context) {
        this.trainer = trainer;
        this.train = train;
        this.listener = context.listener();
        listener.fitStarted(trainer, train, context.validation());
        this.startNanos = System.nanoTime();
    }

    static FitRecorder start(Trainer<LinearModel> trainer, Dataset train, FitContext context) {
        return new FitRecorder(trainer, train, context);
    }

    TrainingListener listener() {
        return listener;
    }

    LinearModel finish(double[] coefficients, double intercept, Map<String, String> details) {
        ModelProvenance provenance = ModelProvenance.of(trainer.name(), trainer.hyperparameters(), train, details);
        LinearModel model = new LinearModel(coefficients, intercept, train.featureNames(), provenance);
        listener.fitFinished(trainer, model, Duration.ofNanos(System.nanoTime() - startNanos));
        return model;
    }
}
