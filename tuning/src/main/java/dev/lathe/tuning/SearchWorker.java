package dev.lathe.tuning;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.queue.ClaimResult;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueSpec;
import dev.lathe.core.tracking.queue.QueuedTrial;
import dev.lathe.core.tracking.queue.TrialClaim;
import dev.lathe.core.tracking.queue.TrialQueue;
import dev.lathe.tuning.tracking.AsyncSearchRecorder;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialCodec;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One JVM's share of a distributed search ({@link Study#join}): {@code threads} loops that each claim
 * from the store's {@link TrialQueue} and run a trial (through {@link TrialRunner}, as the in-process
 * search does), propose the next batch from the trials of earlier batches (through {@link
 * Study#propose}), or finish the search (through {@link Study#finish}), heartbeating while they work.
 */
final class SearchWorker {
    private final Study study;
    private final SearchTracking tracking;
    private final String parentRunId;
    private final WorkerSettings worker;
    private final TrialQueue queue;
    private final TrialCodec codec;
    private final Map<Integer, List<Trial>> historyByBatch = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats;
    private AsyncSearchRecorder recorder;
    private SearchResult finished;

    SearchWorker(Study study, SearchTracking tracking, String parentRunId, WorkerSettings worker) {
        this.study = study;
        this.tracking = tracking;
        this.parentRunId = parentRunId;
        this.worker = worker;
        this.queue = tracking.tracker().trialQueue();
        this.codec = new TrialCodec(study.space(), study.settings().seed());
        QueueSpec spec = queue.spec(parentRunId);
        LatheException.check(
                spec.trialCount() == study.trialCount()
                        && spec.batchSize() == study.settings().batchSize(),
                "search %s is queued with %d trials in batches of %d; this study has %d in batches of %d",
                parentRunId,
                spec.trialCount(),
                spec.batchSize(),
                study.trialCount(),
                study.settings().batchSize());
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lathe-worker-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    SearchResult serve() {
        int loops = study.settings().threads();
        study.listener().searchStarted(java.util.Optional.of(parentRunId));
        ExecutorService pool = Executors.newFixedThreadPool(loops, r -> {
            Thread t = new Thread(r, "lathe-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < loops; i++) {
                String id = loops == 1 ? worker.workerId() : worker.workerId() + "-" + i;
                running.add(pool.submit(() -> {
                    loop(id);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
            beats.shutdownNow();
            closeRecorder();
        }
        if (finished != null) {
            return finished;
        }
        List<Trial> trials =
                queue.entries(parentRunId).stream().map(codec::trial).toList();
        return new SearchResult(
                trials, study.settings().direction(), study.settings().scoreName(), null, parentRunId);
    }

    private void loop(String workerId) throws InterruptedException {
        while (true) {
            ClaimResult next = queue.claim(parentRunId, workerId, worker.grace());
            if (next instanceof ClaimResult.Run r) {
                run(r.claim());
            } else if (next instanceof ClaimResult.Propose p) {
                whileBeating(() -> queue.holdLease(parentRunId, p.batch(), workerId), () -> propose(p.batch()));
            } else if (next instanceof ClaimResult.Finish f) {
                whileBeating(() -> queue.holdLease(parentRunId, f.batch(), workerId), () -> finish(f.batch()));
            } else if (next instanceof ClaimResult.Finished) {
                return;
            } else {
                Thread.sleep(worker.poll().toMillis());
            }
        }
    }

    private void run(TrialClaim claim) {
        ParamSet params = codec.params(claim.number(), claim.params());
        List<Trial> history = history(claim.batch());
        ClaimRecorder claimRecorder = new ClaimRecorder(recorder(), queue, claim);
        whileBeating(() -> queue.heartbeat(claim), () -> {
            try (TrialRunner runner = new TrialRunner(
                    study.objective(), study.pruner(), study.settings().direction(), claimRecorder)) {
                List<Trial> ran = runner.runBatch(List.of(claim.number()), List.of(params), history, 1);
                if (claimRecorder.accepted()) {
                    ran.forEach(study.listener()::trialFinished);
                }
            }
        });
    }

    private void propose(int batch) {
        List<Trial> history = history(batch);
        QueueSpec spec = queue.spec(parentRunId);
        List<QueuedTrial> trials = new ArrayList<>();
        for (int number = batch * spec.batchSize(); number < batch * spec.batchSize() + spec.sizeOf(batch); number++) {
            trials.add(new QueuedTrial(number, TrialCodec.params(study.propose(number, history))));
        }
        queue.enqueue(parentRunId, batch, trials);
    }

    private void finish(int batch) {
        List<Trial> all = queue.entries(parentRunId).stream().map(codec::trial).toList();
        AsyncSearchRecorder r = recorder();
        SearchResult result = study.finish(all, r);
        closeRecorder(); // the summary and the parent's end are written before the search is marked finished
        queue.enqueue(parentRunId, batch, List.of());
        synchronized (this) {
            finished = result;
        }
    }

    /** The ended trials of the batches before {@code batch}, by number (every one has ended once it is enqueued). */
    private List<Trial> history(int batch) {
        return historyByBatch.computeIfAbsent(batch, b -> queue.entries(parentRunId).stream()
                .filter(e -> e.batch() < b)
                .map(this::ended)
                .toList());
    }

    private Trial ended(QueueEntry e) {
        LatheException.check(
                e.state().ended(), "search %s: trial %d of an earlier batch has not ended", parentRunId, e.number());
        return codec.trial(e);
    }

    private synchronized AsyncSearchRecorder recorder() {
        if (recorder == null) {
            recorder = tracking.attach(parentRunId, study.settings().scoreName());
        }
        return recorder;
    }

    private synchronized void closeRecorder() {
        if (recorder != null) {
            AsyncSearchRecorder r = recorder;
            recorder = null;
            r.close();
        }
    }

    /** Runs {@code work} while {@code beat} renews the claim or lease every heartbeat interval. */
    private void whileBeating(BooleanSupplier beat, Runnable work) {
        long every = worker.heartbeat().toMillis();
        ScheduledFuture<?> task = beats.scheduleAtFixedRate(beat::getAsBoolean, every, every, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            task.cancel(false);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("search worker was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw LatheException.wrap("search worker failed: " + cause, cause);
        }
    }
}
