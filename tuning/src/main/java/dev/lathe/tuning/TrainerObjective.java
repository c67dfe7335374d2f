package dev.lathe.tuning;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.KFold;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.evaluation.autolog.Autolog;
import dev.lathe.evaluation.autolog.AutologSettings;
import dev.lathe.evaluation.cv.CrossValidator;
import dev.lathe.evaluation.cv.FoldResult;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tuning.trial.ParamSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The usual objective: build a core {@link Trainer} from the trial's params with a user function, fit
 * it on the training data and score a metric either on a validation set (with per-step pruning of
 * iterative trainers through {@link TrainingListener#shouldStop}) or by k-fold cross-validation (with
 * pruning between folds: after fold k the trial reports the mean score of folds 0..k as step k).
 */
public final class TrainerObjective implements TrialObjective {
    private final Function<ParamSet, Trainer<?>> factory;
    private final Dataset train;
    private final ScoreMetric metric;
    private final Dataset validation;
    private final KFold kFold;
    private final String intermediateKey;
    private final Dataset refitData;
    private final boolean keepBestModel;
    private final TrialRunLogging trialLogging;
    private final RegressionEvaluator evaluator = new RegressionEvaluator();
    private Model bestModel;
    private int bestNumber = -1;
    private double bestScore = Double.NaN;
    private ParamSet bestParamsSeen;

    private TrainerObjective(Builder b) {
        this.factory = b.factory;
        this.train = b.train;
        this.metric = b.metric;
        this.validation = b.validation;
        this.kFold = b.kFold;
        this.intermediateKey = b.intermediateKey;
        this.refitData = b.refitData;
        this.keepBestModel = b.keepBestModel;
        this.trialLogging = b.trialLogging;
    }

    /** An objective scoring {@code metric} of models built by {@code factory} and fitted on {@code train}. */
    public static Builder builder(Function<ParamSet, Trainer<?>> factory, Dataset train, ScoreMetric metric) {
        return new Builder(factory, train, metric);
    }

    public ScoreMetric metric() {
        return metric;
    }

    @Override
    public double evaluate(TrialContext trial) {
        Trainer<?> trainer = factory.apply(trial.params());
        LatheException.check(trainer != null, "trainer factory returned null for params %s", trial.params());
        if (kFold != null) {
            // Step k is the mean score of folds 0..k, so a pruner compares trials after equally many folds.
            List<FoldResult> folds = new CrossValidator(kFold).runInOrder(trainer, train, done -> {
                long step = done.size() - 1;
                trial.report(step, meanScore(done));
                return !trial.shouldPrune(step);
            });
            return meanScore(folds);
        }
        TrainingListener bridge = new TrainingListener() {
            @Override
            public void metric(String key, double value, long step) {
                if (key.equals(intermediateKey)) {
                    trial.report(step, value);
                }
            }

            @Override
            public boolean shouldStop(long step) {
                return trial.shouldPrune(step);
            }
        };
        TrainingListener listener = trial.run()
                .filter(r -> trialLogging != null)
                .map(r -> TrainingListener.composite(List.of(bridge, trialLogging.listener(r))))
                .orElse(bridge);
        Model model = trainer.fit(
                train,
                FitContext.builder().validation(validation).listener(listener).build());
        double score = metric.of(evaluator.evaluate(model, validation));
        if (keepBestModel && !trial.pruned() && !Double.isNaN(score)) {
            offer(trial.number(), score, model, trial.params());
        }
        return score;
    }

    private double meanScore(List<FoldResult> folds) {
        double sum = 0;
        for (FoldResult f : folds) {
            sum += metric.of(f.evaluation());
        }
        return sum / folds.size();
    }

    /** Keeps the model of the best completed trial (lowest number among equal scores), thread-safely. */
    private synchronized void offer(int number, double score, Model model, ParamSet params) {
        boolean better = bestNumber < 0
                || metric.direction().better(score, bestScore)
                || (score == bestScore && number < bestNumber);
        if (better) {
            bestModel = model;
            bestNumber = number;
            bestScore = score;
            bestParamsSeen = params;
        }
    }

    @Override
    public String intermediateKey() {
        return intermediateKey;
    }

    @Override
    public boolean wantsTrialRun() {
        return trialLogging != null;
    }

    @Override
    public boolean logsScore() {
        return trialLogging != null && trialLogging.logsScore();
    }

    @Override
    public synchronized Optional<Model> refit(ParamSet best) {
        if (bestModel != null && best.equals(bestParamsSeen)) {
            return Optional.of(bestModel);
        }
        if (refitData == null) {
            return Optional.empty();
        }
        FitContext.Builder context = FitContext.builder();
        if (validation != null) {
            context.validation(validation);
        }
        return Optional.of(factory.apply(best).fit(refitData, context.build()));
    }

    /** Chooses validation-set or cross-validation scoring, the pruned metric and the refit data. */
    public static final class Builder {
        private final Function<ParamSet, Trainer<?>> factory;
        private final Dataset train;
        private final ScoreMetric metric;
        private Dataset validation;
        private KFold kFold;
        private String intermediateKey;
        private Dataset refitData;
        private boolean keepBestModel;
        private TrialRunLogging trialLogging;

        private Builder(Function<ParamSet, Trainer<?>> factory, Dataset train, ScoreMetric metric) {
            LatheException.check(factory != null, "trainer objective needs a trainer factory");
            LatheException.check(train != null, "trainer objective needs training data");
            LatheException.check(metric != null, "trainer objective needs a score metric");
            this.factory = factory;
            this.train = train;
            this.metric = metric;
        }

        /** Scores on this validation set (also passed to the fit for early stopping and pruning). */
        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        /**
         * Scores by the mean over the folds of k-fold cross-validation of the training data. Folds run
         * in order, and a pruner sees the running mean after each fold (warm-up steps count folds).
         */
        public Builder crossValidation(KFold kFold) {
            this.kFold = kFold;
            return this;
        }

        /**
         * The per-step metric the pruner watches: default "validation_rmse" (as boosted trainers report)
         * with a validation set, "cv_mean_" + the score metric's name with cross-validation.
         */
        public Builder intermediateKey(String key) {
            this.intermediateKey = key;
            return this;
        }

        /**
         * Keep the fitted model of the best completed trial in memory and return it as the search's
         * best model (no refit); when the best trial was restored from a tracker, the refit data (if
         * any) is used instead.
         */
        public Builder keepBestModel() {
            this.keepBestModel = true;
            return this;
        }

        /**
         * Autologs every trial's fit into the trial's own child run when the search is tracked, as
         * {@code mlflow.autolog} does inside a hyperopt loop: the trainer's hyperparameters, per-round
         * metrics, {@code training_*} metrics, datasets, feature importance and (when the settings say
         * so) the model. Needs a validation set (a cross-validated trial fits once per fold).
         */
        public Builder autologTrials(AutologSettings settings) {
            LatheException.check(settings != null, "autolog settings must not be null");
            return logTrials(run -> Autolog.builder(run.run())
                    .tracker(run.tracker())
                    .settings(settings)
                    .build());
        }

        /**
         * Logs every trial's fit into the trial's own child run through {@code logging} when the search
         * is tracked (autologging, or a run convention). Needs a validation set, as autologging does.
         */
        public Builder logTrials(TrialRunLogging logging) {
            LatheException.check(logging != null, "trial run logging must not be null");
            this.trialLogging = logging;
            return this;
        }

        /** Refit the best params on {@code data} at the end of the search. */
        public Builder refitOn(Dataset data) {
            this.refitData = data;
            return this;
        }

        public TrainerObjective build() {
            LatheException.check(
                    (validation == null) != (kFold == null),
                    "trainer objective needs exactly one of a validation set or cross-validation, got %s",
                    validation == null ? "neither" : "both");
            LatheException.check(
                    trialLogging == null || kFold == null,
                    "autologging trials needs a validation set; cross-validated trials fit once per fold");
            if (intermediateKey == null) {
                intermediateKey = kFold != null ? "cv_mean_" + metric.name() : "validation_rmse";
            }
            return new TrainerObjective(this);
        }
    }
}
