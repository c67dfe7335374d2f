package dev.lathe.server.pages;

import dev.lathe.core.LatheVersion;
import dev.lathe.server.http.Html;
import dev.lathe.server.http.Response;
import dev.lathe.tuning.tracking.TrialTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one HTML layout of the UI's pages: the head (this server's stylesheet and scripts only, no
 * inline script, as the Content-Security-Policy demands), the navigation, an escaped heading, and the
 * page's parameters as escaped {@code data-} attributes of {@code <body>} that its script reads.
 */
final class PageShell {
    private final String title;
    private String heading = "";
    private String subheading = "";
    private final Map<String, String> data = new LinkedHashMap<>();
    private final List<Asset> scripts = new ArrayList<>();
    private boolean charts;

    private PageShell(String title) {
        this.title = title;
        for (PageRoute route : PageRoute.values()) {
            data.put("page-" + route.name().toLowerCase(java.util.Locale.ROOT), route.path());
        }
        // the tag marking a search parent, whose runs link to the search page
        data.put("search-tag", TrialTags.SEARCH);
    }

    static PageShell titled(String title) {
        return new PageShell(title);
    }

    /** The page's {@code <h1>}, user text (escaped here). */
    PageShell heading(String text) {
        this.heading = text;
        return this;
    }

    /** A line under the heading, user text (escaped here). */
    PageShell subheading(String text) {
        this.subheading = text;
        return this;
    }

    /** A parameter for the page's script, as {@code data-<name>} on {@code <body>}. */
    PageShell data(String name, String value) {
        data.put(name, value);
        return this;
    }

    /** The page's own script (loaded after the common one). */
    PageShell script(Asset script) {
        scripts.add(script);
        return this;
    }

    /** Loads uPlot and the chart helpers before the page's script. */
    PageShell withCharts() {
        this.charts = true;
        return this;
    }

    Response response() {
        return Response.html(html());
    }

    String html() {
        StringBuilder h = new StringBuilder(2048);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.escape(title))
                .append(" · Lathe</title>");
        h.append("<link rel=\"icon\" href=\"").append(Asset.ICON.path()).append("\">");
        stylesheet(h, Asset.STYLE);
        if (charts) {
            stylesheet(h, Asset.UPLOT_STYLE);
        }
        h.append("</head><body");
        data.forEach((k, v) -> h.append(" data-")
                .append(k)
                .append("=\"")
                .append(Html.escape(v))
                .append('"'));
        h.append("><nav><a class=\"brand\" href=\"")
                .append(PageRoute.EXPERIMENTS.path())
                .append("\">Lathe</a><a href=\"")
                .append(PageRoute.EXPERIMENTS.path())
                .append("\">Experiments</a><a href=\"")
                .append(PageRoute.REGISTRY.path())
                .append("\">Models</a><a href=\"")
                .append(PageRoute.ROUTES.path())
                .append("\">API</a><span class=\"version\">")
                .append(Html.escape(LatheVersion.VERSION))
                .append("</span></nav><main><h1 id=\"heading\">")
                .append(Html.escape(heading))
                .append("</h1>");
        if (!subheading.isEmpty()) {
            h.append("<p class=\"sub\" id=\"subheading\">")
                    .append(Html.escape(subheading))
                    .append("</p>");
        }
        h.append("<div id=\"error\" class=\"error\" hidden></div><div id=\"content\"></div></main>");
        script(h, Asset.COMMON);
        if (charts) {
            script(h, Asset.UPLOT);
            script(h, Asset.CHARTS);
        }
        scripts.forEach(s -> script(h, s));
        return h.append("</body></html>").toString();
    }

    private static void stylesheet(StringBuilder h, Asset asset) {
        h.append("<link rel=\"stylesheet\" href=\"").append(asset.path()).append("\">");
    }

    private static void script(StringBuilder h, Asset asset) {
        h.append("<script src=\"").append(asset.path()).append("\"></script>");
    }
}
