package dev.lathe.evaluation.autolog;

/**
 * What {@link Autolog} records: everything (the default, as {@code mlflow.autolog()}), nothing
 * ({@code disable=True}), or a subset: the model artifact, the dataset inputs, per-step metrics.
 */
public record AutologSettings(boolean enabled, boolean logModels, boolean logDatasets, boolean logStepMetrics) {
    public static AutologSettings defaults() {
        return new AutologSettings(true, true, true, true);
    }

    public static AutologSettings disabled() {
        return new AutologSettings(false, false, false, false);
    }

    public AutologSettings withLogModels(boolean v) {
        return new AutologSettings(enabled, v, logDatasets, logStepMetrics);
    }

    public AutologSettings withLogDatasets(boolean v) {
        return new AutologSettings(enabled, logModels, v, logStepMetrics);
    }

    public AutologSettings withLogStepMetrics(boolean v) {
        return new AutologSettings(enabled, logModels, logDatasets, v);
    }
}
