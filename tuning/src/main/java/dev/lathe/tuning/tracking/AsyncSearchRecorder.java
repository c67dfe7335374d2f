package dev.lathe.tuning.tracking;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Logs a search into a {@link Tracker} on one background thread, so the search loop never waits on
 * the store. The thread group-commits: it takes every event queued since its last write, and what
 * arrives in the next {@value #LINGER_MILLIS} ms (trial starts, intermediate values, trial ends; at
 * most {@value #MAX_EVENTS_PER_BATCH}), and hands them to
 * {@link Tracker#writeRuns} as one batch, so a burst of fast trials costs one store transaction
 * while a slow trial still shows up (RUNNING, with live intermediate values) within that time.
 * Each trial is a child run of the parent (params with the trial number, intermediate metrics by
 * step, score, duration, state tags), ended FINISHED (complete or pruned) or FAILED. The first
 * tracking failure stops further writes and is rethrown by {@link #close()}.
 */
public final class AsyncSearchRecorder implements SearchRecorder {
    /** Keeps one batch within MLflow's per-run limit of 1000 metric points per request. */
    static final int MAX_EVENTS_PER_BATCH = 900;

    /** How long the writer keeps collecting after the first event of a batch. */
    static final long LINGER_MILLIS = 50;

    private final Tracker tracker;
    private final ActiveRun parent;
    private final TrialBatcher batcher;
    private final BlockingQueue<TrialEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private final ParentRunLogger parentLogger;

    /**
     * Logs trials under {@code parent}; scores go to the metric {@code scoreName}; when the search ends,
     * {@code parentLogger} adds its record (the best model) to the parent before it is ended.
     */
    public AsyncSearchRecorder(Tracker tracker, ActiveRun parent, String scoreName, ParentRunLogger parentLogger) {
        LatheException.check(tracker != null && parent != null, "async recorder needs a tracker and a parent run");
        LatheException.check(parentLogger != null, "async recorder needs a parent run logger");
        this.tracker = tracker;
        this.parent = parent;
        this.parentLogger = parentLogger;
        this.batcher = new TrialBatcher(parent.experimentId(), parent.runId(), scoreName);
        this.thread = new Thread(this::drain, "lathe-search-tracking");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Optional<String> parentRunId() {
        return Optional.of(parent.runId());
    }

    @Override
    public void trialStarted(int number, ParamSet params) {
        queue.add(new TrialEvent.Started(number, params, System.currentTimeMillis()));
    }

    /**
     * Opens the trial's child run on the calling thread (one store call, its params logged), so that
     * the objective can log into it; the writer thread ends it with the trial as usual.
     */
    @Override
    public Optional<TrialRun> startTrialRun(int number, ParamSet params, boolean logsScore) {
        ActiveRun run = tracker.startRun(batcher.spec(number));
        run.logParams(TrialBatcher.params(number, params));
        queue.add(new TrialEvent.Opened(number, run.runId(), true, logsScore));
        return Optional.of(new TrialRun(run, tracker));
    }

    /** Opens the trial's child run on the calling thread (its params logged); the recorder logs the rest. */
    @Override
    public Optional<String> openTrialRun(int number, ParamSet params) {
        String runId = tracker.writeRuns(List.of(RunWrite.create(batcher.spec(number), System.currentTimeMillis())
                        .params(TrialBatcher.params(number, params))
                        .build()))
                .get(0); // one transaction: the run with its params
        queue.add(new TrialEvent.Opened(number, runId, false, false));
        return Optional.of(runId);
    }

    @Override
    public void intermediate(int number, String key, long step, double value) {
        queue.add(new TrialEvent.Point(number, key, step, value, System.currentTimeMillis()));
    }

    @Override
    public void trialFinished(Trial trial) {
        queue.add(new TrialEvent.Finished(trial, System.currentTimeMillis()));
    }

    @Override
    public void searchFinished(
            List<Trial> trials, Optional<Trial> best, String score, String trialsCsv, Optional<Model> bestModel) {
        queue.add(new TrialEvent.SearchDone(() -> {
            best.ifPresent(b -> {
                Map<String, String> p = new LinkedHashMap<>();
                b.params().formatted().forEach((k, v) -> p.put("best_" + k, v));
                p.put("best_" + TrialTags.NUMBER, Integer.toString(b.number()));
                parent.logParams(p);
                parent.logMetric("best_" + score, b.value(), 0);
            });
            parent.logArtifact("trials.csv", trialsCsv.getBytes(StandardCharsets.UTF_8));
            parentLogger.log(parent, trials, best, bestModel);
            parent.end(RunStatus.FINISHED);
        }));
    }

    /** The writer thread: waits for an event, takes everything else queued, writes it as one batch. */
    private void drain() {
        List<TrialEvent> chunk = new ArrayList<>();
        while (true) {
            try {
                collect(chunk);
            } catch (InterruptedException e) {
                return;
            }
            boolean stop = false;
            int from = 0;
            for (int i = 0; i < chunk.size(); i++) {
                TrialEvent e = chunk.get(i);
                if (e instanceof TrialEvent.SearchDone || e instanceof TrialEvent.Stop) {
                    write(chunk.subList(from, i));
                    from = i + 1;
                    if (e instanceof TrialEvent.SearchDone done) {
                        guarded(done.action());
                    } else {
                        stop = true;
                    }
                }
            }
            write(chunk.subList(from, chunk.size()));
            chunk.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * Waits for an event, then keeps collecting for up to {@value #LINGER_MILLIS} ms (or until the batch
     * is full, or the search ends) so that fast trials share a transaction, as a group commit does.
     */
    private void collect(List<TrialEvent> chunk) throws InterruptedException {
        chunk.add(queue.take());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (chunk.size() < MAX_EVENTS_PER_BATCH && !(chunk.get(chunk.size() - 1) instanceof TrialEvent.Stop)) {
            queue.drainTo(chunk, MAX_EVENTS_PER_BATCH - chunk.size());
            TrialEvent last = chunk.get(chunk.size() - 1);
            long wait = deadline - System.nanoTime();
            if (last instanceof TrialEvent.Stop || last instanceof TrialEvent.SearchDone || wait <= 0) {
                return;
            }
            TrialEvent next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            chunk.add(next);
        }
    }

    private void write(List<TrialEvent> events) {
        if (!events.isEmpty()) {
            guarded(() -> batcher.write(tracker, events));
        }
    }

    private void guarded(Runnable work) {
        if (failure.get() != null) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public void close() {
        queue.add(new TrialEvent.Stop());
        try {
            thread.join(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while draining search tracking", e);
        }
        LatheException.check(!thread.isAlive(), "search tracking did not drain within 10 minutes");
        Throwable f = failure.get();
        if (f != null) {
            throw LatheException.wrap("logging the search to " + tracker.location() + " failed: " + f, f);
        }
    }
}
