package dev.lathe.examples.search;

import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.TrainerCatalog;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.tuning.ScoreMetric;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrainerObjective;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.pruning.SuccessiveHalvingPruner;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.space.TunableSpaces;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.util.Locale;

/**
 * The MLOps course's XGBoost hyperparameter search (hyperopt fmin with TPE) on green taxi 2023-01
 * (train) and 2023-02 (validation): max_depth 4..100, learning_rate e^-3..1, reg_alpha e^-5..e^-1,
 * reg_lambda e^-6..e^-1, min_child_weight e^-1..e^3 (all log-uniform but max_depth), objective
 * reg:squarederror, seed 42, up to 1000 rounds with early stopping after 50. Prints the best
 * validation RMSE and the wall time; when tracked, the parent run gets the best trial's model. Options: see {@link CourseSearchOptions#parse}.
 */
public final class CourseXGBoostSearch {
    /** Rounds without validation improvement before XGBoost stops (the course's early_stopping_rounds). */
    public static final int EARLY_STOPPING_ROUNDS = 50;
    /** The course's fixed XGBoost seed. */
    public static final long XGBOOST_SEED = 42;

    private CourseXGBoostSearch() {}

    /**
     * The course's search space: XGBoost's declared search ranges (the course's, see {@link
     * TrainerCatalog}), with the objective and the seed fixed as the course fixes them.
     */
    public static SearchSpace space() {
        return TunableSpaces.builder(TrainerCatalog.get(XGBoostTrainer.NAME).search())
                .fixed(XGBoostParams.OBJECTIVE.name(), "reg:squarederror")
                .fixed(XGBoostParams.SEED.name(), (int) XGBOOST_SEED)
                .build();
    }

    /** The XGBoost trainer for one trial's params: its sampled values under their declared names. */
    public static XGBoostTrainer trainer(ParamSet p, int rounds, int xgbThreads) {
        HyperparameterValues v = XGBoostParams.SPACE
                .parse(p.formatted(), "course search trial")
                .with(XGBoostParams.NUM_BOOST_ROUND, rounds)
                .with(XGBoostParams.EARLY_STOPPING_ROUNDS, Math.min(EARLY_STOPPING_ROUNDS, rounds))
                .with(XGBoostParams.NTHREAD, xgbThreads);
        return new XGBoostTrainer(XGBoostParams.from(v));
    }

    /** Runs the search described by {@code options}, tracked into {@code tracker} when not null. */
    public static SearchResult run(CourseSearchOptions options, Tracker tracker) {
        TrainValid data = TrainValid.load(options.train(), options.valid(), TlcRecipes.course());
        TrainerObjective objective = TrainerObjective.builder(
                        p -> trainer(p, options.rounds(), options.xgbThreads()), data.train(), ScoreMetric.of("rmse"))
                .validation(data.valid())
                .intermediateKey("validation_rmse")
                .keepBestModel()
                .build();
        Sampler sampler = options.mode() == SearchMode.RANDOM ? new RandomSampler() : new TpeSampler();
        Study.Builder study = Study.builder(
                space(),
                sampler,
                objective,
                SearchSettings.builder(options.trials(), options.seed())
                        .threads(options.threads())
                        .batchSize(options.batchSize())
                        .score(ScoreMetric.of("rmse"))
                        .build());
        study.listener(new SearchListener() {
            @Override
            public void trialFinished(Trial t) {
                System.out.printf(
                        Locale.ROOT,
                        "trial %d %s rmse=%.6f rounds=%d %.1f s %s%n",
                        t.number(),
                        t.state(),
                        t.value(),
                        t.intermediateValues().size(),
                        t.duration().toMillis() / 1000.0,
                        t.params());
            }
        });
        if (options.mode() == SearchMode.TPE_PRUNED) {
            study.pruner(new MedianPruner(5, 10));
        } else if (options.mode() == SearchMode.TPE_ASHA) {
            // Rungs at rounds 10, 30, 90, 270 and 810; the top third at each rung goes on.
            study.pruner(new SuccessiveHalvingPruner(10, 3, 0));
        }
        if (tracker != null) {
            study.tracking(new SearchTracking(
                    tracker,
                    "nyc-taxi-xgboost-search",
                    "xgboost-" + options.mode().label()));
        }
        return study.build().run();
    }

    public static void main(String[] args) {
        CourseSearchOptions options = CourseSearchOptions.parse(args);
        long start = System.nanoTime();
        SearchResult result;
        if (options.store().isPresent()) {
            try (SqliteTrackingStore store =
                    SqliteTrackingStore.open(options.store().get())) {
                result = run(options, store);
            }
        } else {
            result = run(options, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "mode=%s trials=%d complete=%d pruned=%d failed=%d%n",
                options.mode().label(),
                result.trials().size(),
                result.count(TrialState.COMPLETE),
                result.count(TrialState.PRUNED),
                result.count(TrialState.FAILED));
        System.out.printf(Locale.ROOT, "best validation RMSE %.6f with %s%n", result.bestScore(), result.bestParams());
        System.out.printf(Locale.ROOT, "wall time %.1f s%n", seconds);
        result.parentRunId().ifPresent(id -> System.out.println("parent run " + id));
    }
}
