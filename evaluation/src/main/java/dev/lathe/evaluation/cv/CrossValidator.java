package dev.lathe.evaluation.cv;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.Fold;
import dev.lathe.core.data.KFold;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Runs k-fold cross-validation of any core {@link Trainer}: one fit per fold on that fold's training
 * rows (as {@link Dataset#selectRows}), evaluated on its held-out rows. Folds may run on several
 * threads; results are collected in fold order and each fold sees exactly the same data, so the result
 * does not depend on the thread count (given a trainer that is deterministic for its seed and safe to
 * call from several threads at once).
 */
public final class CrossValidator {
    private final KFold kFold;
    private final int threads;
    private final RegressionEvaluator evaluator = new RegressionEvaluator();

    /** A cross-validator with the given split running folds on {@code threads} threads (>= 1). */
    public CrossValidator(KFold kFold, int threads) {
        LatheException.check(kFold != null, "kFold must not be null");
        LatheException.check(threads >= 1, "threads must be >= 1, got %d", threads);
        this.kFold = kFold;
        this.threads = threads;
    }

    /** A single-threaded cross-validator. */
    public CrossValidator(KFold kFold) {
        this(kFold, 1);
    }

    /** Fits {@code trainer} once per fold of {@code data} and aggregates the held-out metrics. */
    public CrossValidationResult run(Trainer<?> trainer, Dataset data) {
        List<Fold> folds = kFold.split(data.rows());
        List<FoldResult> results = new ArrayList<>(folds.size());
        if (threads == 1) {
            for (Fold fold : folds) {
                results.add(runFold(trainer, data, fold));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, folds.size()));
            try {
                List<Future<FoldResult>> futures = new ArrayList<>();
                for (Fold fold : folds) {
                    futures.add(pool.submit(() -> runFold(trainer, data, fold)));
                }
                for (Future<FoldResult> f : futures) {
                    results.add(await(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return CrossValidationResult.of(trainer.name(), results);
    }

    /**
     * Runs the folds one after another on the calling thread and hands the results so far (in fold
     * order) to {@code afterFold} after each one; stops early after a fold for which it returns false.
     * This is how a search prunes a cross-validated trial: fold k's running mean is its step k. Returns
     * the results of the folds that ran.
     */
    public List<FoldResult> runInOrder(Trainer<?> trainer, Dataset data, Predicate<List<FoldResult>> afterFold) {
        LatheException.check(afterFold != null, "afterFold must not be null");
        List<FoldResult> results = new ArrayList<>();
        for (Fold fold : kFold.split(data.rows())) {
            results.add(runFold(trainer, data, fold));
            if (!afterFold.test(Collections.unmodifiableList(results))) {
                break;
            }
        }
        return results;
    }

    private FoldResult runFold(Trainer<?> trainer, Dataset data, Fold fold) {
        String base = data.name() + "#fold" + fold.index();
        Dataset train = data.selectRows(base + "-train", fold.trainRows());
        Dataset test = data.selectRows(base + "-test", fold.testRows());
        Model model = trainer.fit(train);
        RegressionEvaluation evaluation = evaluator.evaluate(model, test);
        return new FoldResult(fold.index(), train.rows(), test.rows(), evaluation);
    }

    private static FoldResult await(Future<FoldResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LatheException("cross-validation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw LatheException.wrap("cross-validation fold failed: " + cause, cause);
        }
    }
}
