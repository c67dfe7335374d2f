package dev.lathe.serving;

import dev.lathe.core.LatheVersion;
import dev.lathe.server.http.Response;
import dev.lathe.server.http.RouteTable;
import dev.lathe.server.http.ServerThreads;
import dev.lathe.serving.http.NettyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model behind MLflow's scoring protocol ({@code lathe serve}): {@code POST /invocations}, {@code GET
 * /ping}, {@code /health}, {@code /version} and Prometheus' {@code /metrics}, with the routes and error
 * JSON of {@code lathe ui}'s HTTP layer on Netty ({@link NettyServer}). When told to follow its URI it resolves it again periodically and swaps in the model
 * an alias now names; closing it lets the requests under way finish first.
 */
public final class ModelServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ModelServer.class.getName());
    /** Threads scoring the bodies too large to score on a connection's event loop, under the timeout. */
    static final int SCORING_THREADS = 4;

    private static final Response PONG = new Response(200, "application/json", "\n".getBytes(StandardCharsets.UTF_8));

    private final NettyServer server;
    private final ServedModel model;
    private final ExecutorService scoring;
    private final ScheduledExecutorService follower;
    private final ServeSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ModelServer(
            NettyServer server,
            ServedModel model,
            ExecutorService scoring,
            ScheduledExecutorService follower,
            ServeSettings settings) {
        this.server = server;
        this.model = model;
        this.scoring = scoring;
        this.follower = follower;
        this.settings = settings;
    }

    /** Serves {@code model} as {@code settings} say. */
    public static ModelServer start(ServedModel model, ServeSettings settings) {
        ServingMetrics metrics = new ServingMetrics(model);
        ExecutorService scoring =
                Executors.newFixedThreadPool(SCORING_THREADS, ServerThreads.daemons("lathe-scoring-"));
        Response version =
                new Response(200, "text/plain; charset=utf-8", LatheVersion.VERSION.getBytes(StandardCharsets.UTF_8));
        RouteTable routes = new RouteTable()
                .add(
                        "POST",
                        "/invocations",
                        metrics.timed("/invocations", new Invocations(model, metrics, scoring, settings.timeout())))
                .add("GET", "/ping", metrics.timed("/ping", r -> PONG))
                .add("GET", "/health", metrics.timed("/health", r -> PONG))
                .add("GET", "/version", metrics.timed("/version", r -> version))
                .add("GET", "/metrics", r -> metrics.response());
        ScheduledExecutorService follower =
                Executors.newSingleThreadScheduledExecutor(ServerThreads.daemons("lathe-follow-"));
        settings.followEvery()
                .ifPresent(every -> follower.scheduleWithFixedDelay(
                        () -> follow(model), every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS));
        try {
            NettyServer server =
                    NettyServer.start(routes, settings.address(), Invocations.INLINE_MAX_BYTES, idle(settings));
            return new ModelServer(server, model, scoring, follower, settings);
        } catch (RuntimeException e) {
            scoring.shutdownNow();
            follower.shutdownNow();
            throw e;
        }
    }

    /** Connections idle this long are closed: a minute longer than a request may score. */
    static Duration idle(ServeSettings settings) {
        return settings.timeout().plus(Duration.ofMinutes(1));
    }

    private static void follow(ServedModel model) {
        try {
            if (model.refresh()) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "{0} now names {1}: serving it",
                        model.reference(),
                        model.current().source());
            }
        } catch (RuntimeException e) { // keep serving the current model; the next check tries again
            LOG.log(System.Logger.Level.WARNING, "cannot follow " + model.reference() + ": " + e.getMessage(), e);
        }
    }

    /** The model it serves. */
    public ServedModel model() {
        return model;
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:5001}. */
    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    /** Stops following, stops accepting connections, answers the requests under way, then stops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        follower.shutdownNow();
        try {
            server.close(settings.grace());
        } finally {
            scoring.shutdownNow();
        }
    }
}
