package dev.lathe.server.pages;

import dev.lathe.core.LatheException;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * Compares runs ({@code /compare?runs=a,b,c}): a table of their params and metrics that can show the
 * differences only, parallel coordinates, a scatter of any two columns and overlaid metric histories.
 */
final class ComparePage {
    Response handle(Request request) {
        String runs = request.fields().string("runs");
        int n = runs.split(",").length;
        LatheException.check(n >= 1, "compare needs at least one run id in 'runs', got '%s'", runs);
        return PageShell.titled("Compare " + n + " runs")
                .heading("Compare " + n + " runs")
                .data("runs", runs)
                .withCharts()
                .script(Asset.COMPARE)
                .response();
    }
}
