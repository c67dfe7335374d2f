package dev.lathe.server;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.api.MlflowApi;
import dev.lathe.server.http.RouteTable;
import dev.lathe.server.pages.Pages;

/**
 * What {@code lathe ui} serves: MLflow's REST API under {@code /api/2.0/mlflow/} (and {@code /ajax-api/}),
 * {@code /get-artifact}, and the pages. The UI's pages register their routes here, next to the index.
 */
public final class ServerRoutes {
    private ServerRoutes() {}

    /** The REST API and the UI's pages over {@code store}. */
    public static RouteTable standard(TrackingStore store) {
        RouteTable table = new RouteTable();
        MlflowApi.register(table, store);
        Pages.register(table, store);
        return table;
    }
}
