package dev.lathe.server;

import dev.lathe.core.LatheVersion;
import dev.lathe.server.http.Html;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;

/**
 * The page at {@code /}: says that this server speaks MLflow's REST API over which store, and lists the
 * routes, until the UI's pages plug in (see {@link ServerRoutes}).
 */
final class IndexPage {
    private final String storeLocation;
    private final RouteTable routes;

    IndexPage(String storeLocation, RouteTable routes) {
        this.storeLocation = storeLocation;
        this.routes = routes;
    }

    Response handle(Request request) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Lathe</title></head><body>")
                .append("<h1>Lathe ")
                .append(Html.escape(LatheVersion.VERSION))
                .append("</h1>")
                .append(
                        "<p>This server speaks MLflow's REST API 2.0 (tracking and model registry) over the store <code>")
                .append(Html.escape(storeLocation))
                .append("</code>: point an MLflow client at this address. The browser pages come later.</p>")
                .append("<h2>Endpoints</h2><ul>");
        for (String route : routes.routes()) {
            html.append("<li><code>").append(Html.escape(route)).append("</code></li>");
        }
        return Response.html(html.append("</ul></body></html>").toString());
    }
}
