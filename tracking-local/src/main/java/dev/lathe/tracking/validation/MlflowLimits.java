package dev.lathe.tracking.validation;

/** MLflow's size limits for keys, values and batches (mlflow/utils/validation.py, 2.x/3.x). */
public final class MlflowLimits {
    public static final int MAX_KEY_LENGTH = 250;
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    public static final int MAX_TAG_VALUE_LENGTH = 8000;
    public static final int MAX_EXPERIMENT_TAG_VALUE_LENGTH = 5000;
    public static final int MAX_METRICS_PER_BATCH = 1000;
    public static final int MAX_PARAMS_PER_BATCH = 100;
    public static final int MAX_TAGS_PER_BATCH = 100;
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    /** MLflow's registered_models.name column, VARCHAR(256) in its SQL store. */
    public static final int MAX_REGISTERED_MODEL_NAME_LENGTH = 256;

    private MlflowLimits() {}
}
