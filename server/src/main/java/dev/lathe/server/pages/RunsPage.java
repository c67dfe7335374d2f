package dev.lathe.server.pages;

import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * The runs table of one experiment ({@code /experiment?id=}): filter with MLflow's grammar, sort by any
 * column, server-side paging, a column picker, nested runs under their parent; its data is
 * {@code runs/search}.
 */
final class RunsPage {
    private final TrackingStore store;

    RunsPage(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Experiment experiment = store.getExperiment(request.fields().string("id"));
        return PageShell.titled(experiment.name())
                .heading(experiment.name())
                .subheading(
                        "Experiment " + experiment.experimentId() + " · artifacts: " + experiment.artifactLocation())
                .data("experiment-id", experiment.experimentId())
                .withCharts()
                .script(Asset.RUNS)
                .response();
    }
}
