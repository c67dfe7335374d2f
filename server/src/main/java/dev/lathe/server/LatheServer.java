package dev.lathe.server;

import com.sun.net.httpserver.HttpServer;
import dev.lathe.core.StorageException;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Dispatcher;
import dev.lathe.server.http.Draining;
import dev.lathe.server.http.RouteTable;
import dev.lathe.server.http.ServerThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Lathe server (JDK {@code com.sun.net.httpserver}, a small thread pool): MLflow's REST API
 * over a tracking store, started and stopped in-process ({@code lathe ui}, or around a JUnit class).
 * Closing it (once or more) stops the server; the store stays open (its owner closes it).
 */
public final class LatheServer implements AutoCloseable {
    /** Threads that serve requests; SQLite serialises writes, so a few are enough. */
    public static final int THREADS = 4;

    /**
     * The JDK server's switch for TCP_NODELAY: without it small JSON responses wait for Nagle's
     * algorithm (351 req/s against 19,857 req/s measured for the issue). Read once by the JDK when the
     * first server starts, so it is set here, before that, unless the user set it.
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final Draining draining;
    private final ExecutorService executor;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LatheServer(HttpServer server, Draining draining, ExecutorService executor) {
        this.server = server;
        this.draining = draining;
        this.executor = executor;
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    /** Serves MLflow's REST API and the index page over {@code store} at {@code address} (port 0: a free port). */
    public static LatheServer start(TrackingStore store, InetSocketAddress address) {
        return start(ServerRoutes.standard(store), address);
    }

    /** Serves {@code routes} at {@code address}. */
    public static LatheServer start(RouteTable routes, InetSocketAddress address) {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new StorageException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, ServerThreads.daemons("lathe-server-"));
        server.setExecutor(executor);
        Draining draining = new Draining(new Dispatcher(routes));
        server.createContext("/", draining);
        server.start();
        return new LatheServer(server, draining, executor);
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:5000}. */
    public URI uri() {
        return uri;
    }

    /** The port the server listens on (the chosen one when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests and stops the threads (running requests get five seconds to finish). */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * A graceful stop: answers new requests 503 while the running ones finish (up to {@code grace}), then
     * stops as {@link #close()} does.
     */
    public void close(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            draining.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        ServerThreads.stop(executor, Duration.ofSeconds(5));
    }
}
