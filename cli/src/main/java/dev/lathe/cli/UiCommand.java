package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.LatheServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe ui}: serves the store over MLflow's REST API (and Lathe's pages) until Ctrl-C. */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the store over MLflow's REST API 2.0 (tracking and registry) and Lathe's pages, until Ctrl-C.",
            "MLflow's clients work against it: MLFLOW_TRACKING_URI=http://127.0.0.1:5000",
            "Example: lathe ui --store lathe-store --port 5000"
        })
public final class UiCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the server and the store to close. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "5000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to bind; 0.0.0.0 serves other machines too (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    /**
     * Serves until the process is stopped (Ctrl-C: the shutdown hook wakes this thread, which closes the
     * server and then the store, while the hook waits for that) or this thread is interrupted.
     */
    @Override
    public Integer call() {
        LatheException.check(port >= 0 && port <= 65_535, "--port must be in 0..65535, got %d", port);
        PrintWriter out = spec.commandLine().getOut();
        UntilStopped.serve("lathe-ui-shutdown", CLOSE_WAIT, until -> {
            try (TrackingStore tracker = store.open();
                    LatheServer server = LatheServer.start(tracker, new InetSocketAddress(host, port))) {
                out.println("lathe ui: serving " + tracker.location() + " at " + server.uri() + " (Ctrl-C stops)");
                out.flush();
                until.await();
            }
        });
        return 0;
    }
}
