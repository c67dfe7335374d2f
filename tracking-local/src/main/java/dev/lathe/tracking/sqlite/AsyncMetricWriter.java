package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lets a training loop log metrics without waiting on disk: points go into a bounded queue and one
 * writer thread drains it, writing everything it finds in one transaction per batch. {@link #flush}
 * waits until every point queued before it is committed and reports a failed write of that run.
 */
final class AsyncMetricWriter implements AutoCloseable {
    static final int QUEUE_CAPACITY = 200_000;
    static final int MAX_BATCH = 20_000;

    /** Writes the points of several runs in one transaction; throws when any run rejects them. */
    interface Sink {
        void write(Map<String, List<Metric>> pointsByRun);

        /** Writes the points of one run on their own, after a combined write failed. */
        void writeOne(String runId, List<Metric> points);
    }

    private record Point(String runId, Metric metric) {}

    private record Marker(CompletableFuture<Void> done, boolean stop) {}

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    private final Sink sink;
    private final Thread thread;
    private volatile boolean closed;

    AsyncMetricWriter(Sink sink, String name) {
        this.sink = sink;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(String runId, Metric metric) {
        LatheException.check(!closed, "cannot log metric '%s' to run %s: the store is closed", metric.key(), runId);
        throwFailure(runId);
        put(new Point(runId, metric));
    }

    /** Waits until everything queued so far is committed; throws the first write failure of {@code runId}. */
    void flush(String runId) {
        flush(List.of(runId));
    }

    /** Waits once until everything queued so far is committed; throws a write failure of any of {@code runIds}. */
    void flush(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        waitForQueue();
        for (String runId : runIds) {
            throwFailure(runId);
        }
    }

    /** Waits until everything queued so far is committed; throws any run's write failure. */
    void flushAll() {
        waitForQueue();
        for (String runId : List.copyOf(failures.keySet())) {
            throwFailure(runId);
        }
    }

    /** Writes everything queued, stops the thread, and throws if any write failed unreported. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Marker stop = new Marker(new CompletableFuture<>(), true);
        put(stop);
        await(stop.done);
        if (!failures.isEmpty()) {
            Map.Entry<String, RuntimeException> first =
                    failures.entrySet().iterator().next();
            int n = failures.size();
            failures.clear();
            throw LatheException.wrap(
                    n + " run(s) had asynchronous metric writes that failed and were never flushed; run "
                            + first.getKey() + ": " + first.getValue().getMessage(),
                    first.getValue());
        }
    }

    private void waitForQueue() {
        if (closed || Thread.currentThread() == thread) {
            return;
        }
        Marker m = new Marker(new CompletableFuture<>(), false);
        put(m);
        await(m.done);
    }

    private void throwFailure(String runId) {
        RuntimeException f = failures.remove(runId);
        if (f != null) {
            throw LatheException.wrap("asynchronous metric write to run " + runId + " failed: " + f.getMessage(), f);
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while queueing a metric write", e);
        }
    }

    private static void await(CompletableFuture<Void> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while flushing metric writes", e);
        } catch (ExecutionException e) {
            throw LatheException.wrap("metric writer failed: " + e.getCause(), e.getCause());
        }
    }

    private void loop() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody but a stop marker ends this thread: an interrupt must not lose queued points,
                // so the writer keeps draining and stops only when it reaches the marker.
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            Map<String, List<Metric>> byRun = new LinkedHashMap<>();
            List<Marker> markers = new ArrayList<>();
            for (Object o : batch) {
                if (o instanceof Point p) {
                    byRun.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p.metric());
                } else {
                    markers.add((Marker) o);
                }
            }
            write(byRun);
            boolean stop = false;
            for (Marker m : markers) {
                m.done.complete(null);
                stop |= m.stop;
            }
            if (stop) {
                return;
            }
        }
    }

    private void write(Map<String, List<Metric>> byRun) {
        if (byRun.isEmpty()) {
            return;
        }
        try {
            sink.write(byRun);
        } catch (RuntimeException combined) {
            for (Map.Entry<String, List<Metric>> e : byRun.entrySet()) {
                try {
                    sink.writeOne(e.getKey(), e.getValue());
                } catch (RuntimeException single) {
                    failures.putIfAbsent(e.getKey(), single);
                }
            }
        }
    }
}
