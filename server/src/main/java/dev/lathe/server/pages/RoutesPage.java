package dev.lathe.server.pages;

import dev.lathe.server.http.Html;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;

/**
 * The page at {@code /routes}: says that this server speaks MLflow's REST API over which store, and
 * lists every route (the API's and the pages').
 */
final class RoutesPage {
    private final String storeLocation;
    private final RouteTable routes;

    RoutesPage(String storeLocation, RouteTable routes) {
        this.storeLocation = storeLocation;
        this.routes = routes;
    }

    Response handle(Request request) {
        StringBuilder list = new StringBuilder("<ul class=\"routes\">");
        for (String route : routes.routes()) {
            list.append("<li><code>").append(Html.escape(route)).append("</code></li>");
        }
        String intro = "<p>This server speaks MLflow's REST API 2.0 (tracking and model registry) over the store <code>"
                + Html.escape(storeLocation) + "</code>: point an MLflow client at this address.</p>";
        String page = PageShell.titled("API").heading("Endpoints").html();
        return Response.html(
                page.replace("<div id=\"content\"></div>", "<div id=\"content\">" + intro + list + "</ul></div>"));
    }
}
