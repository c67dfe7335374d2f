package dev.lathe.tracking;

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
}
