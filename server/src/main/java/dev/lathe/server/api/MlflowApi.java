package dev.lathe.server.api;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.RouteTable;

/** MLflow's REST API 2.0 for tracking and the model registry, over one Lathe {@link TrackingStore}. */
public final class MlflowApi {
    private MlflowApi() {}

    /** Adds every endpoint of the API to {@code table}, served from {@code store}. */
    public static void register(RouteTable table, TrackingStore store) {
        ApiRoutes routes = new ApiRoutes(table);
        new ExperimentHandlers(store).register(routes);
        new RunHandlers(store).register(routes);
        new MetricHandlers(store).register(routes);
        new ArtifactHandlers(store).register(routes, table);
        new RegisteredModelHandlers(store.registry()).register(routes);
        new ModelVersionHandlers(store.registry()).register(routes);
    }
}
