package dev.lathe.evaluation.search.tracking;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.search.ParamSet;
import dev.lathe.evaluation.search.Trial;
import dev.lathe.evaluation.search.TrialState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Logs a search into a {@link Tracker} on one background thread, so the search loop never waits on
 * the store: each trial becomes a child run of the parent (params with the trial number, intermediate
 * metrics by step, score, duration, state tags), ended FINISHED (complete or pruned) or FAILED. The
 * first tracking failure is kept and rethrown by {@link #close()}.
 */
public final class AsyncSearchRecorder implements SearchRecorder {
    private final Tracker tracker;
    private final ActiveRun parent;
    private final ExecutorService writer;
    private final Map<Integer, ActiveRun> children = new HashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final String scoreName;

    /** Logs trials under {@code parent}; scores go to the metric {@code scoreName}. */
    public AsyncSearchRecorder(Tracker tracker, ActiveRun parent, String scoreName) {
        LatheException.check(tracker != null && parent != null, "async recorder needs a tracker and a parent run");
        this.scoreName = scoreName;
        this.tracker = tracker;
        this.parent = parent;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lathe-search-tracking");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Optional<String> parentRunId() {
        return Optional.of(parent.runId());
    }

    private void submit(Runnable task) {
        writer.execute(() -> {
            if (failure.get() != null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void trialStarted(int number, ParamSet params) {
        submit(() -> {
            ActiveRun run = tracker.startRun(RunSpec.builder(parent.experimentId())
                    .runName("trial-" + number)
                    .parentRunId(parent.runId())
                    .tag(TrialTags.NUMBER, Integer.toString(number))
                    .build());
            Map<String, String> p = new LinkedHashMap<>(params.formatted());
            p.put(TrialTags.NUMBER, Integer.toString(number));
            run.logParams(p);
            children.put(number, run);
        });
    }

    @Override
    public void intermediate(int number, String key, long step, double value) {
        submit(() -> children.get(number).logMetric(key, value, step));
    }

    @Override
    public void trialFinished(Trial trial) {
        submit(() -> {
            ActiveRun run = children.remove(trial.number());
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(TrialTags.DURATION, trial.duration().toNanos() / 1e9);
            if (trial.hasValue()) {
                metrics.put(scoreName, trial.value());
            }
            run.logMetrics(metrics, 0);
            List<String> chunks = TrialTags.encodeIntermediate(trial.intermediateValues());
            for (int i = 0; i < chunks.size(); i++) {
                run.setTag(TrialTags.INTERMEDIATE_PREFIX + i, chunks.get(i));
            }
            run.setTag(TrialTags.PRUNED, Boolean.toString(trial.state() == TrialState.PRUNED));
            trial.error().ifPresent(e -> run.setTag(TrialTags.ERROR, TrialTags.truncate(e, TrialTags.MAX_ERROR)));
            run.setTag(TrialTags.OUTCOME, TrialTags.outcome(trial.state().name(), trial.value(), chunks.size()));
            run.end(trial.state() == TrialState.FAILED ? RunStatus.FAILED : RunStatus.FINISHED);
        });
    }

    @Override
    public void searchFinished(Optional<Trial> best, String score, String trialsCsv, Optional<Model> bestModel) {
        submit(() -> {
            best.ifPresent(b -> {
                Map<String, String> p = new LinkedHashMap<>();
                b.params().formatted().forEach((k, v) -> p.put("best_" + k, v));
                p.put("best_" + TrialTags.NUMBER, Integer.toString(b.number()));
                parent.logParams(p);
                parent.logMetric("best_" + score, b.value(), 0);
            });
            parent.logArtifact("trials.csv", trialsCsv.getBytes(StandardCharsets.UTF_8));
            bestModel.ifPresent(m -> parent.logArtifact("best_model/model.lathe", ModelIO.toBytes(m)));
            parent.end(RunStatus.FINISHED);
        });
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            LatheException.check(
                    writer.awaitTermination(10, TimeUnit.MINUTES), "search tracking did not drain within 10 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while draining search tracking", e);
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new LatheException("logging the search to " + tracker.location() + " failed: " + f, f);
        }
    }
}
