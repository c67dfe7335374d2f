package dev.lathe.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A graceful shutdown for the JDK's HTTP server, whose own {@code stop(delay)} waits the whole delay on
 * Java 17 whether requests are running or not: counts the exchanges under way (response written
 * included); once {@link #drain} starts, new exchanges are answered 503 and the call returns as soon as
 * the running ones are done, or after the grace.
 */
public final class Draining implements HttpHandler {
    private final HttpHandler inner;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Object idle = new Object();

    public Draining(HttpHandler inner) {
        this.inner = inner;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        running.incrementAndGet();
        try {
            if (draining.get()) {
                refuse(exchange);
            } else {
                inner.handle(exchange);
            }
        } finally {
            if (running.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    /** Refuses new exchanges and waits up to {@code grace} for the running ones; true when they all finished. */
    public boolean drain(Duration grace) throws InterruptedException {
        draining.set(true);
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = new ApiError(503, "TEMPORARILY_UNAVAILABLE", "the server is shutting down")
                    .response()
                    .body();
            exchange.getResponseHeaders().set("Content-Type", Response.JSON);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
