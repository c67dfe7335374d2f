package dev.lathe.server.pages;

import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * One run ({@code /run?id=}): params, metrics with their history charts, tags, datasets and an
 * artifact browser with previews; its data is {@code runs/get}, {@code metrics/get-history} and
 * {@code artifacts/list}.
 */
final class RunPage {
    private final TrackingStore store;

    RunPage(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        RunInfo info = store.getRun(request.fields().string("id")).info();
        String experiment = store.getExperiment(info.experimentId()).name();
        return PageShell.titled(info.runName())
                .heading(info.runName())
                .subheading("Run " + info.runId() + " of experiment " + experiment)
                .data("run-id", info.runId())
                .data("experiment-id", info.experimentId())
                .data("experiment-name", experiment)
                .withCharts()
                .script(Asset.RUN)
                .response();
    }
}
