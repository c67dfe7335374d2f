package dev.lathe.server.http;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Lathe's servers answer and score on, whatever the transport: named daemons (a server never
 * keeps the JVM alive by itself), and the stop that lets the running tasks finish for a while first.
 */
public final class ServerThreads {
    private ServerThreads() {}

    /** Daemon threads named {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops {@code pool}: no new tasks, the running ones get up to {@code grace} to finish, then the rest are
     * interrupted. An interrupt while waiting stops it at once and is kept for the caller.
     */
    public static void stop(ExecutorService pool, Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
