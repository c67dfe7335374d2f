package dev.lathe.tracking.search;

import java.util.List;

/** Which lifecycle stages a run or experiment search returns, as MLflow's {@code ViewType}. */
public enum ViewType {
    ACTIVE_ONLY(List.of("active")),
    DELETED_ONLY(List.of("deleted")),
    ALL(List.of("active", "deleted"));

    private final List<String> lifecycleStages;

    ViewType(List<String> lifecycleStages) {
        this.lifecycleStages = lifecycleStages;
    }

    /** The {@code lifecycle_stage} column values this view keeps. */
    public List<String> lifecycleStages() {
        return lifecycleStages;
    }
}
