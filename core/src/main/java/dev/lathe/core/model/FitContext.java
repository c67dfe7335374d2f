package dev.lathe.core.model;

import dev.lathe.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a fit may use besides its training data: an optional validation set (early stopping,
 * per-round validation metrics) and the listeners that observe the fit.
 */
public final class FitContext {
    private static final FitContext NONE = new FitContext(null, List.of());

    private final Dataset validation;
    private final List<TrainingListener> listeners;

    private FitContext(Dataset validation, List<TrainingListener> listeners) {
        this.validation = validation;
        this.listeners = List.copyOf(listeners);
    }

    public static FitContext none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Dataset> validation() {
        return Optional.ofNullable(validation);
    }

    /** One listener that forwards to every registered listener in order. */
    public TrainingListener listener() {
        return TrainingListener.composite(listeners);
    }

    /** Builder for a {@link FitContext}. */
    public static final class Builder {
        private Dataset validation;
        private final List<TrainingListener> listeners = new ArrayList<>();

        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        public FitContext build() {
            return new FitContext(validation, listeners);
        }
    }
}
