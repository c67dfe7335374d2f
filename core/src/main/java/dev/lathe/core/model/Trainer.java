package dev.lathe.core.model;

import dev.lathe.core.data.Dataset;
import java.util.SortedMap;

/**
 * Fits a {@link Model} to a {@link Dataset}. Hyperparameters are fixed when the trainer is built (a
 * validated record or builder); {@link #hyperparameters()} shows them as strings for provenance and
 * tracking. Cross-cutting work such as autologging happens in {@link TrainingListener}s passed through
 * the {@link FitContext}, never inside trainers.
 *
 * @param <M> the model type this trainer produces
 */
public interface Trainer<M extends Model> {
    /** A short name such as {@code "ols"}, {@code "ridge"} or {@code "xgboost"}. */
    String name();

    /** Every hyperparameter (seed and thread count included) by name, as logged. */
    SortedMap<String, String> hyperparameters();

    /**
     * How many threads one fit uses (1 unless the trainer is multi-threaded, as XGBoost is), so that a
     * caller running several fits at once (bagging, parallel search trials) can keep the total within
     * its thread budget instead of oversubscribing the cores.
     */
    default int threads() {
        return 1;
    }

    /** Fits on {@code train}; the context may carry a validation set and listeners. */
    M fit(Dataset train, FitContext context);

    default M fit(Dataset train) {
        return fit(train, FitContext.none());
    }
}
