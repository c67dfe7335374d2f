package dev.lathe.core.tracking;

/** Which lifecycle stages a listing or search returns, as MLflow's ViewType. */
public enum ViewType {
    ACTIVE_ONLY,
    DELETED_ONLY,
    ALL;

    /** True when an entity in {@code stage} belongs in this view. */
    public boolean includes(LifecycleStage stage) {
        return switch (this) {
            case ACTIVE_ONLY -> stage == LifecycleStage.ACTIVE;
            case DELETED_ONLY -> stage == LifecycleStage.DELETED;
            case ALL -> true;
        };
    }

    /** The {@code lifecycle_stage} column values this view keeps (for SQL search). */
    public java.util.List<String> lifecycleStages() {
        return switch (this) {
            case ACTIVE_ONLY -> java.util.List.of("active");
            case DELETED_ONLY -> java.util.List.of("deleted");
            case ALL -> java.util.List.of("active", "deleted");
        };
    }
}
