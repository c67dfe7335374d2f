package dev.lathe.server;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.api.MlflowApi;
import dev.lathe.server.http.RouteTable;

/**
 * What {@code lathe ui} serves: MLflow's REST API under {@code /api/2.0/mlflow/} (and {@code /ajax-api/}),
 * {@code /get-artifact}, and the pages. The UI's pages register their routes here, next to the index.
 */
public final class ServerRoutes {
    private ServerRoutes() {}

    /** The REST API and the index page over {@code store}. */
    public static RouteTable standard(TrackingStore store) {
        RouteTable table = new RouteTable();
        MlflowApi.register(table, store);
        // Pages: each page adds its GET route here (table.add("GET", "/experiments", ...)).
        table.add("GET", "/", new IndexPage(store.location(), table)::handle);
        return table;
    }
}
