package dev.lathe.server.pages;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;

/**
 * The UI: registers every page and static asset of the browser interface. The pages are shells
 * rendered here (headings escaped); their data comes from MLflow's REST API, the same endpoints
 * MLflow's clients use.
 */
public final class Pages {
    private Pages() {}

    /** Adds the pages and assets to {@code table} (call after the API, so that {@code /routes} lists everything). */
    public static void register(RouteTable table, TrackingStore store) {
        for (Asset asset : Asset.values()) {
            Response r = Response.bytes(asset.contentType(), asset.read());
            table.add("GET", asset.path(), request -> r);
        }
        table.add("GET", PageRoute.EXPERIMENTS.path(), new ExperimentsPage(store)::handle);
        table.add("GET", PageRoute.EXPERIMENT.path(), new RunsPage(store)::handle);
        table.add("GET", PageRoute.RUN.path(), new RunPage(store)::handle);
        table.add("GET", PageRoute.COMPARE.path(), new ComparePage()::handle);
        table.add("GET", PageRoute.SEARCH.path(), new SearchPage(store)::handle);
        table.add("GET", PageRoute.REGISTRY.path(), new RegistryPage()::handle);
        table.add("GET", PageRoute.ARTIFACT.path(), new ArtifactView(store)::handle);
        table.add("GET", SearchSummary.PATH, new SearchSummary(store)::handle);
        table.add("GET", MetricSummaries.PATH, new MetricSummaries(store)::handle);
        table.add("GET", ExperimentKeys.PATH, new ExperimentKeys(store)::handle);
        table.add("POST", RunsTable.PATH, new RunsTable(store)::handle);
        table.add("GET", PageRoute.ROUTES.path(), new RoutesPage(store.location(), table)::handle);
    }
}
