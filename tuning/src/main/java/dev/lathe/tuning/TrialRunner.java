package dev.lathe.tuning;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.pruning.Pruner;
import dev.lathe.tuning.tracking.SearchRecorder;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialError;
import dev.lathe.tuning.trial.TrialRun;
import dev.lathe.tuning.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the trials of one batch, on the calling thread or a fixed pool, and turns each objective call
 * into an immutable {@link Trial}: COMPLETE with its score, PRUNED with its best intermediate value,
 * or FAILED with the error and its stack trace (a failing trial never stops the search).
 */
final class TrialRunner implements AutoCloseable {
    private final TrialObjective objective;
    private final Pruner pruner;
    private final Direction direction;
    private final SearchRecorder recorder;
    private ExecutorService pool;

    TrialRunner(TrialObjective objective, Pruner pruner, Direction direction, SearchRecorder recorder) {
        this.objective = objective;
        this.pruner = pruner;
        this.direction = direction;
        this.recorder = recorder;
    }

    List<Trial> runBatch(List<Integer> numbers, List<ParamSet> params, List<Trial> history, int threads) {
        List<Trial> out = new ArrayList<>();
        if (threads == 1 || numbers.size() <= 1) {
            for (int i = 0; i < numbers.size(); i++) {
                out.add(runOne(numbers.get(i), params.get(i), history));
            }
            return out;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "lathe-search-trial");
                t.setDaemon(true);
                return t;
            });
        }
        List<Future<Trial>> futures = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int number = numbers.get(i);
            ParamSet p = params.get(i);
            futures.add(pool.submit(() -> runOne(number, p, history)));
        }
        for (Future<Trial> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    private Trial runOne(int number, ParamSet params, List<Trial> history) {
        Optional<TrialRun> run = Optional.empty();
        if (objective.wantsTrialRun()) {
            run = recorder.startTrialRun(number, params, objective.logsScore());
        } else {
            recorder.trialStarted(number, params);
        }
        String key = objective.intermediateKey();
        TrialContext context = new TrialContext(
                number,
                params,
                pruner,
                history,
                direction,
                (step, v) -> recorder.intermediate(number, key, step, v),
                run);
        long start = System.nanoTime();
        Trial trial;
        try {
            double value = objective.evaluate(context);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (context.pruned()) {
                double best = context.bestIntermediate();
                trial = new Trial(
                        number,
                        TrialState.PRUNED,
                        params,
                        Double.isNaN(best) ? value : best,
                        context.intermediateValues(),
                        Optional.empty(),
                        elapsed);
            } else if (Double.isNaN(value)) {
                trial = failed(number, params, context, start, TrialError.message("objective returned NaN"));
            } else {
                trial = new Trial(
                        number,
                        TrialState.COMPLETE,
                        params,
                        value,
                        context.intermediateValues(),
                        Optional.empty(),
                        elapsed);
            }
        } catch (RuntimeException e) {
            trial = failed(number, params, context, start, TrialError.of(e));
        }
        recorder.trialFinished(trial);
        return trial;
    }

    private static Trial failed(int number, ParamSet params, TrialContext context, long start, TrialError error) {
        return new Trial(
                number,
                TrialState.FAILED,
                params,
                Double.NaN,
                context.intermediateValues(),
                Optional.of(error),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Trial await(Future<Trial> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("search was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw LatheException.wrap("search trial failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
