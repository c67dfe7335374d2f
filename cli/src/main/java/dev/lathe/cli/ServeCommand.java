package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.serving.ModelServer;
import dev.lathe.serving.ServeSettings;
import dev.lathe.serving.ServedModel;
import dev.lathe.workflow.PipelineSource;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe serve}: a model behind MLflow's scoring protocol ({@code POST /invocations}) until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a model over MLflow's scoring protocol until Ctrl-C: POST /invocations (JSON dataframe_split,",
            "dataframe_records, instances or inputs; or text/csv) answers {\"predictions\": [...]};",
            "GET /ping, /health, /version; Prometheus metrics at /metrics.",
            "Example: lathe serve models:/nyc-taxi-duration@champion --follow-alias 10s"
        })
public final class ServeCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the requests under way and the store to close. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    @Parameters(
            index = "0",
            paramLabel = "MODEL",
            description = "models:/NAME@ALIAS, models:/NAME/VERSION, runs:/RUN_ID/PATH or a pipeline file.")
    String model;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = ServeSettings.DEFAULT_HOST,
            description = "Address to bind; 0.0.0.0 serves other machines too (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--follow-alias",
            paramLabel = "PERIOD",
            description = "Resolve MODEL again every PERIOD (e.g. 10s) and serve the version an alias now names"
                    + " (default: load it once).")
    String followAlias;

    @Option(
            names = "--timeout",
            paramLabel = "PERIOD",
            defaultValue = "5s",
            description = "Longest a request may score before it is answered 503 (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LatheException.check(port >= 0 && port <= 65_535, "--port must be in 0..65535, got %d", port);
        ServeSettings settings = ServeSettings.defaults()
                .withAddress(new InetSocketAddress(host, port))
                .withTimeout(AgeOption.parse("--timeout", timeout));
        if (followAlias != null) {
            LatheException.check(
                    PipelineSource.isUri(model),
                    "--follow-alias needs a models:/ or runs:/ URI, got the path '%s'",
                    model);
            settings = settings.following(AgeOption.parse("--follow-alias", followAlias));
        }
        // No TablesawStartup here: requests are scored through ColumnValues, never a Tablesaw table, so the
        // reader registry's class path scan (~0.1-0.3 s) is not paid before the first /ping.
        return serve(settings);
    }

    /**
     * Serves until the process is stopped (Ctrl-C: the shutdown hook wakes this thread, which closes the
     * server gracefully and then the store, while the hook waits for that) or this thread is interrupted.
     */
    private int serve(ServeSettings settings) {
        PrintWriter out = spec.commandLine().getOut();
        UntilStopped.serve("lathe-serve-shutdown", CLOSE_WAIT, until -> {
            // The store stays open while serving (an alias is resolved again when followed); a path needs none.
            try (TrackingStore tracker = PipelineSource.isUri(model) ? store.openForReading() : null;
                    ModelServer server = ModelServer.start(ServedModel.load(model, tracker), settings)) {
                ServedModel.Loaded loaded = server.model().current();
                out.println("lathe serve: " + model + " (" + loaded.source() + ") at " + server.uri()
                        + followNote(settings) + " (Ctrl-C stops)");
                out.flush();
                until.await();
            }
        });
        return 0;
    }

    private static String followNote(ServeSettings settings) {
        return settings.followEvery()
                .map(Duration::toMillis)
                .map(ms -> ", following it every " + ms + " ms")
                .orElse("");
    }
}
