package dev.lathe.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a serving command ({@code lathe ui}, {@code lathe serve}) running until the process is stopped:
 * Ctrl-C runs a shutdown hook that wakes the serving thread, which closes what it opened while the hook
 * waits up to a grace period; an interrupted thread stops too, and then unhooks (the JVM lives on).
 */
final class UntilStopped {
    /** What a command serves: it opens its resources, then calls {@link #await} inside them. */
    @FunctionalInterface
    interface Body {
        void serve(UntilStopped until) throws InterruptedException;
    }

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private boolean hooked;

    private UntilStopped(String name, Duration grace) {
        this.hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        closed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
    }

    /** Runs {@code body}; Ctrl-C waits up to {@code grace} for it to close what it opened. */
    static void serve(String name, Duration grace, Body body) {
        UntilStopped until = new UntilStopped(name, grace);
        try {
            body.serve(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            until.closed.countDown();
            if (until.hooked && until.stop.getCount() > 0) { // not stopped by the hook: unhook
                Runtime.getRuntime().removeShutdownHook(until.hook);
            }
        }
    }

    /** Hooks Ctrl-C to this thread, then waits for it. */
    void await() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(hook);
        hooked = true;
        stop.await();
    }
}
