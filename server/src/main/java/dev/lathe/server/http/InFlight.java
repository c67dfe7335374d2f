package dev.lathe.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests under way on a server, for a graceful shutdown whatever the transport: each request is
 * counted from {@link #enter} to {@link #exit} (response written included); once {@link #drain} starts,
 * {@code enter} says to refuse new ones and {@code drain} returns as soon as the running ones are done,
 * or after the grace.
 */
public final class InFlight {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Object idle = new Object();

    /** Counts a request in (until {@link #exit}); false when the server is draining and it should be refused. */
    public boolean enter() {
        running.incrementAndGet();
        return !draining.get();
    }

    /** Counts a request out, answered or refused. */
    public void exit() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Refuses new requests and waits up to {@code grace} for the running ones; true when they all finished. */
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

    /** The answer to a request that arrives while the server drains. */
    public static Response refusal() {
        return new ApiError(503, "TEMPORARILY_UNAVAILABLE", "the server is shutting down").response();
    }
}
