package dev.lathe.server.pages;

import dev.lathe.core.StorageException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The static files of the UI (its scripts and stylesheet, and uPlot's from the WebJar), served from
 * the jar under {@code /static/}: a page never fetches anything from another host.
 */
public enum Asset {
    STYLE("lathe.css", "text/css; charset=utf-8"),
    COMMON("lathe.js", Asset.JS),
    CHARTS("charts.js", Asset.JS),
    EXPERIMENTS("experiments.js", Asset.JS),
    RUNS("runs.js", Asset.JS),
    RUN("run.js", Asset.JS),
    COMPARE("compare.js", Asset.JS),
    SEARCH("search.js", Asset.JS),
    REGISTRY("registry.js", Asset.JS),
    ICON("favicon.svg", "image/svg+xml"),
    UPLOT("uPlot.iife.min.js", Asset.JS, Asset.UPLOT_DIST),
    UPLOT_STYLE("uPlot.min.css", "text/css; charset=utf-8", Asset.UPLOT_DIST);

    /** Where the assets are served. */
    public static final String PREFIX = "/static/";

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String OWN = "/dev/lathe/server/pages/";
    /** uPlot's files inside its WebJar ({@code org.webjars.npm:uplot}, pinned in the root pom). */
    private static final String UPLOT_DIST = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final String file;
    private final String contentType;
    private final String resourceDir;

    Asset(String file, String contentType) {
        this(file, contentType, OWN);
    }

    Asset(String file, String contentType, String resourceDir) {
        this.file = file;
        this.contentType = contentType;
        this.resourceDir = resourceDir;
    }

    /** The path a page links to, e.g. {@code /static/lathe.js}. */
    public String path() {
        return PREFIX + file;
    }

    public String contentType() {
        return contentType;
    }

    /** The file's bytes from the class path; a missing one is a broken build, reported by name. */
    byte[] read() {
        String resource = resourceDir + file;
        try (InputStream in = Asset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StorageException("the UI's asset " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageException("cannot read the UI's asset " + resource + ": " + e.getMessage(), e);
        }
    }
}
