package dev.lathe.workflow;

import dev.lathe.core.LatheException;
import dev.lathe.core.LatheVersion;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.report.SearchHistory;
import dev.lathe.tuning.ScoreMetric;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrainerObjective;
import dev.lathe.tuning.TrialRunLogging;
import dev.lathe.tuning.WorkerSettings;
import dev.lathe.tuning.pruning.Pruner;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.ParentRunLogger;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialRun;
import dev.lathe.tuning.trial.TrialState;
import dev.lathe.workflow.model.ModelDirectory;
import dev.lathe.workflow.model.ModelSignature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A tracked hyperparameter search whose trial runs and parent run follow the {@link RunConvention}:
 * each trial's child run holds its trainer's params, its per-round metrics, the metrics of its model
 * as saved (its {@code validation_<score>} is its score) and its {@code model/}; the parent holds the
 * search's settings, the best params and score, the best trial's params, metrics and {@code model/}
 * (so it registers like any run), the trials table and the report. Configure, then {@link #run}.
 */
public final class TrackedSearch {
    private final Tracker tracker;
    private final String experiment;
    private final String source;
    private final SearchSpace space;
    private final Function<ParamSet, Trainer<?>> trainers;
    private Sampler sampler = new TpeSampler();
    private Pruner pruner = Pruner.none();
    private SearchListener listener = SearchListener.none();
    private int trials = 20;
    private Long seed;
    private int threads = 1;
    private int batchSize = 1;
    private String score = "rmse";
    private String runName = "search";

    TrackedSearch(
            Tracker tracker,
            String experiment,
            String source,
            SearchSpace space,
            Function<ParamSet, Trainer<?>> trainers) {
        LatheException.check(space != null, "a search needs a search space");
        LatheException.check(trainers != null, "a search needs a function from a trial's params to its trainer");
        this.tracker = tracker;
        this.experiment = experiment;
        this.source = source;
        this.space = space;
        this.trainers = trainers;
    }

    /** A search of {@code space} logged to {@code experiment} of {@code tracker}, started by {@code source}. */
    public static TrackedSearch of(
            Tracker tracker,
            String experiment,
            String source,
            SearchSpace space,
            Function<ParamSet, Trainer<?>> trainers) {
        return new TrackedSearch(tracker, experiment, source, space, trainers);
    }

    /** How trials are proposed (default: TPE). */
    public TrackedSearch sampler(Sampler sampler) {
        LatheException.check(sampler != null, "sampler must not be null");
        this.sampler = sampler;
        return this;
    }

    /** Stops unpromising trials early (default: none). */
    public TrackedSearch pruner(Pruner pruner) {
        LatheException.check(pruner != null, "pruner must not be null (use Pruner.none())");
        this.pruner = pruner;
        return this;
    }

    /** Observes the search (progress), on the calling thread. */
    public TrackedSearch listener(SearchListener listener) {
        LatheException.check(listener != null, "listener must not be null");
        this.listener = listener;
        return this;
    }

    /** The trial budget (default 20; a grid caps it at its size). */
    public TrackedSearch trials(int trials) {
        this.trials = trials;
        return this;
    }

    /** The search seed (required): proposals and each trial's trainer seed derive from it. */
    public TrackedSearch seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Trials run at once (default 1); results do not depend on it. */
    public TrackedSearch threads(int threads) {
        this.threads = threads;
        return this;
    }

    /**
     * Trials proposed together, from the trials of earlier batches only (default 1): at most this many run
     * at once; results depend on it, not on the threads or the workers.
     */
    public TrackedSearch batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** The validation metric minimised or maximised: rmse (default), mae or r2. */
    public TrackedSearch score(String metric) {
        LatheException.check(
                RunConvention.METRICS.contains(metric),
                "search score must be one of %s (a metric every run logs), got '%s'",
                RunConvention.METRICS,
                metric);
        this.score = metric;
        return this;
    }

    /** The parent run's name (default "search"). */
    public TrackedSearch runName(String runName) {
        LatheException.check(runName != null && !runName.isBlank(), "run name must not be blank");
        this.runName = runName;
        return this;
    }

    /** Runs the search on {@code data}. */
    public SearchOutcome run(TrainingData data) {
        return execute(data, null);
    }

    /** Continues the interrupted search whose parent run is {@code parentRunId} (same settings and data). */
    public SearchOutcome resume(String parentRunId, TrainingData data) {
        LatheException.check(parentRunId != null && !parentRunId.isBlank(), "resume needs a parent run id");
        return execute(data, parentRunId);
    }

    /**
     * Starts the search on {@code data} for workers to serve ({@link #join}) and returns its parent run id;
     * runs no trial (see {@link Study#enqueue}).
     */
    public String enqueue(TrainingData data, int maxRetries) {
        return prepare(data).study().enqueue(maxRetries);
    }

    /**
     * Serves, as one worker, the search that {@link #enqueue} started under {@code parentRunId}, built with
     * the same settings and data; returns when every trial has ended (see {@link Study#join}).
     */
    public SearchResult join(String parentRunId, TrainingData data, WorkerSettings worker) {
        return prepare(data).study().join(parentRunId, worker);
    }

    private SearchOutcome execute(TrainingData data, String parentRunId) {
        Prepared prepared = prepare(data);
        SearchResult result =
                parentRunId == null ? prepared.study().run() : prepared.study().resume(parentRunId);
        result.best(); // fails with the trials' states when none completed
        TrainingResult best = prepared.best().get();
        LatheException.check(best != null, "search run %s logged no best model", result.parentRunId());
        return new SearchOutcome(result, best);
    }

    /** The study of this search on {@code data}, and where its parent run's record lands when it ends. */
    private record Prepared(Study study, AtomicReference<TrainingResult> best) {}

    private Prepared prepare(TrainingData data) {
        LatheException.check(seed != null, "a search needs an explicit seed: call seed(long) before run");
        Supplier<ModelSignature> signature = ConventionListener.signatureOf(data);
        ScoreMetric metric = ScoreMetric.of(score);
        TrainerObjective objective = TrainerObjective.builder(
                        trainers, data.data().train(), metric)
                .validation(data.data().valid())
                .intermediateKey(RunConvention.VALIDATION_RMSE)
                .keepBestModel()
                .refitOn(data.data().train())
                .logTrials(new TrialRunLogging() {
                    @Override
                    public TrainingListener listener(TrialRun run) {
                        run.run().setTag(RunConvention.SOURCE_TAG, source);
                        run.run().setTag(RunConvention.VERSION_TAG, LatheVersion.VERSION);
                        return new ConventionListener(run.run(), data, signature);
                    }

                    @Override
                    public boolean logsScore() {
                        return true;
                    }
                })
                .build();
        SearchSettings settings = SearchSettings.builder(trials, seed)
                .threads(threads)
                .batchSize(batchSize)
                .direction(metric.direction())
                .scoreName(RunConvention.VALIDATION + score)
                .build();
        AtomicReference<TrainingResult> best = new AtomicReference<>();
        ParentRunLogger parent = (run, all, bestTrial, bestModel) -> {
            if (bestTrial.isPresent() && bestModel.isPresent()) {
                best.set(logParent(run, all, bestTrial.get(), bestModel.get(), data, signature, metric));
            }
        };
        Study study = Study.builder(space, sampler, objective, settings)
                .pruner(pruner)
                .listener(listener)
                .tracking(new SearchTracking(tracker, experiment, runName, parent))
                .build();
        return new Prepared(study, best);
    }

    /** The parent's convention record: the best trial's params, its model's metrics and model/, the report. */
    private TrainingResult logParent(
            ActiveRun run,
            List<Trial> all,
            Trial bestTrial,
            Model model,
            TrainingData data,
            Supplier<ModelSignature> signature,
            ScoreMetric metric) {
        Trainer<?> trainer = trainers.apply(bestTrial.params());
        run.setTag(RunConvention.SOURCE_TAG, source);
        run.setTag(RunConvention.VERSION_TAG, LatheVersion.VERSION);
        run.logParams(RunConvention.params(trainer));
        ConventionListener.logInputs(run, data);
        Map<String, Double> metrics =
                RunConvention.metrics(model, data.data().train(), data.data().valid());
        run.logMetrics(metrics, 0);
        var pipeline = data.pipeline(model);
        ModelDirectory.log(run, pipeline, trainer.name(), trainer.hyperparameters(), signature.get());
        double[] scores = all.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .mapToDouble(Trial::value)
                .toArray();
        SearchHistory history = new SearchHistory(RunConvention.VALIDATION + score, metric.direction(), scores);
        RunReport.log(run, model, data, new TreeMap<>(), Optional.of(history), r -> r);
        return new TrainingResult(run.runId(), trainer.name(), pipeline, metrics);
    }
}
