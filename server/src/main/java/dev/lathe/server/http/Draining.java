package dev.lathe.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A graceful shutdown for the JDK's HTTP server, whose own {@code stop(delay)} waits the whole delay on
 * Java 17 whether requests are running or not: counts the exchanges under way ({@link InFlight}); once
 * {@link #drain} starts, new exchanges are answered 503 and the call returns as soon as the running ones
 * are done, or after the grace.
 */
public final class Draining implements HttpHandler {
    private final HttpHandler inner;
    private final InFlight inFlight = new InFlight();

    public Draining(HttpHandler inner) {
        this.inner = inner;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean accepted = inFlight.enter();
        try {
            if (accepted) {
                inner.handle(exchange);
            } else {
                refuse(exchange);
            }
        } finally {
            inFlight.exit();
        }
    }

    /** Refuses new exchanges and waits up to {@code grace} for the running ones; true when they all finished. */
    public boolean drain(Duration grace) throws InterruptedException {
        return inFlight.drain(grace);
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = InFlight.refusal().body();
            exchange.getResponseHeaders().set("Content-Type", Response.JSON);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
