package dev.lathe.server.api;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;

/**
 * MLflow's {@code runs/search} request fields (experiment_ids, filter, order_by, max_results,
 * page_token, run_view_type) read once, for MLflow's endpoint and for the UI's projected runs table.
 */
public final class RunSearchFields {
    /** MLflow's page size when {@code max_results} is not given. */
    static final int DEFAULT_PAGE = 1000;

    private RunSearchFields() {}

    /** Runs the search the fields describe. */
    public static Page<Run> search(TrackingStore store, Fields f) {
        return store.searchRuns(
                f.strings("experiment_ids"),
                f.optString("filter").orElse(null),
                f.strings("order_by"),
                f.optInt("max_results").orElse(DEFAULT_PAGE),
                f.optString("page_token").orElse(null),
                Views.of(f, "run_view_type"));
    }
}
