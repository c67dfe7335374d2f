package dev.lathe.core.tracking;

/** The system tag keys MLflow sets on runs, so that MLflow-style search and UIs find them. */
public final class MlflowTags {
    /** The prefix of every system tag; other tags are the user's. */
    public static final String SYSTEM_PREFIX = "mlflow.";

    public static final String RUN_NAME = "mlflow.runName";
    public static final String USER = "mlflow.user";
    public static final String SOURCE_NAME = "mlflow.source.name";
    public static final String SOURCE_TYPE = "mlflow.source.type";
    public static final String GIT_COMMIT = "mlflow.source.git.commit";
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";
    public static final String NOTE = "mlflow.note.content";
    public static final String DATASET_CONTEXT = "mlflow.data.context";
    /** The JSON list of models logged to a run (MLflow's {@code runs/log-model}). */
    public static final String LOGGED_MODELS = "mlflow.log-model.history";

    private MlflowTags() {}
}
