package dev.lathe.server.pages;

import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;

/**
 * An HTML artifact (the evaluation report) shown inline: served as a page of its own under a
 * Content-Security-Policy sandbox (a unique origin, no scripts, nothing loaded from anywhere but its
 * own inline styles and data: images), for the run page's sandboxed iframe.
 * {@code /get-artifact} keeps sending HTML as plain text, as MLflow does.
 */
final class ArtifactView {
    /** What a report may do: its inline styles and data: images, nothing else. */
    static final String SANDBOX =
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private final TrackingStore store;

    ArtifactView(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        Fields f = request.fields();
        byte[] content = store.readArtifact(f.string("run_id"), f.string("path"));
        return Response.bytes(Response.HTML, content).withSecurityPolicy(SANDBOX);
    }
}
