package dev.lathe.server.pages;

/**
 * The UI's page paths, declared once: the server routes them, the navigation links to them and the
 * scripts read them from {@code <body data-page-...>}.
 */
public enum PageRoute {
    EXPERIMENTS("/"),
    EXPERIMENT("/experiment"),
    RUN("/run"),
    COMPARE("/compare"),
    SEARCH("/search"),
    REGISTRY("/registry"),
    ROUTES("/routes"),
    ARTIFACT("/artifact-view");

    private final String path;

    PageRoute(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
