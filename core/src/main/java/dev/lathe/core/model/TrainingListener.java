package dev.lathe.core.model;

import dev.lathe.core.data.Dataset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Observes fits: trainers call these hooks, listeners do cross-cutting work (autologging to a
 * tracker, progress bars, pruning decisions). Every method has an empty default.
 */
public interface TrainingListener {
    /** Called once before fitting starts. */
    default void fitStarted(Trainer<?> trainer, Dataset train, Optional<Dataset> validation) {}

    /** A metric observed during the fit, for example {@code validation_rmse} at boosting round {@code step}. */
    default void metric(String key, double value, long step) {}

    /**
     * Asked by iterative trainers after each step: return true to stop the fit early (pruning).
     * The default never stops.
     */
    default boolean shouldStop(long step) {
        return false;
    }

    /** Called once with the fitted model. */
    default void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {}

    static TrainingListener none() {
        return composite(List.of());
    }

    static TrainingListener composite(List<TrainingListener> listeners) {
        List<TrainingListener> all = List.copyOf(listeners);
        return new TrainingListener() {
            @Override
            public void fitStarted(Trainer<?> trainer, Dataset train, Optional<Dataset> validation) {
                all.forEach(l -> l.fitStarted(trainer, train, validation));
            }

            @Override
            public void metric(String key, double value, long step) {
                all.forEach(l -> l.metric(key, value, step));
            }

            @Override
            public boolean shouldStop(long step) {
                boolean stop = false;
                for (TrainingListener l : all) {
                    stop |= l.shouldStop(step);
                }
                return stop;
            }

            @Override
            public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
                all.forEach(l -> l.fitFinished(trainer, model, elapsed));
            }
        };
    }
}
