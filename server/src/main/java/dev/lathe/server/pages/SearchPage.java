package dev.lathe.server.pages;

import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * A search (study) page for a search parent ({@code /search?id=}): optimisation history (each
 * trial's score and the best so far against the trial number), the intermediate values of the trials
 * with pruned ones marked, and parameter importance with its method stated; its data is
 * {@link SearchSummary}.
 */
final class SearchPage {
    private final TrackingStore store;

    SearchPage(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        RunInfo info = store.getRun(request.fields().string("id")).info();
        String experiment = store.getExperiment(info.experimentId()).name();
        return PageShell.titled("Search " + info.runName())
                .heading("Search " + info.runName())
                .subheading("Search run " + info.runId() + " of experiment " + experiment)
                .data("run-id", info.runId())
                .data("experiment-id", info.experimentId())
                .data("summary", SearchSummary.PATH)
                .withCharts()
                .script(Asset.SEARCH)
                .response();
    }
}
