package dev.lathe.server.pages;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/** The home page: the store's experiments (from {@code experiments/search}), each linked to its runs. */
final class ExperimentsPage {
    private final TrackingStore store;

    ExperimentsPage(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        return PageShell.titled("Experiments")
                .heading("Experiments")
                .subheading("Store: " + store.location())
                .script(Asset.EXPERIMENTS)
                .response();
    }
}
