package dev.lathe.tuning;

import dev.lathe.core.LatheException;
import dev.lathe.core.Seeds;
import dev.lathe.core.model.Model;
import dev.lathe.core.tracking.queue.QueueSpec;
import dev.lathe.core.tracking.queue.QueuedTrial;
import dev.lathe.core.tracking.queue.TrialQueue;
import dev.lathe.tuning.pruning.Pruner;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchRecorder;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialCodec;
import dev.lathe.tuning.tracking.TrialRestorer;
import dev.lathe.tuning.tracking.TrialTags;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A hyperparameter search (Optuna's Study): trials are numbered 0..n-1 and run in batches of
 * {@code batchSize}; the params of a batch are proposed by the sampler from the trials of earlier
 * batches with a random stream derived from (seed, trial number), and pruning compares against the
 * same earlier trials, so results are identical at any thread count. Tracked searches log a parent
 * run with one child run per trial, and can be resumed from the parent run id after a crash.
 */
public final class Study {
    private final SearchSpace space;
    private final Sampler sampler;
    private final TrialObjective objective;
    private final SearchSettings settings;
    private final Pruner pruner;
    private final SearchTracking tracking;
    private final SearchListener listener;

    private Study(Builder b) {
        this.listener = b.listener;
        this.space = b.space;
        this.sampler = b.sampler;
        this.objective = b.objective;
        this.settings = b.settings;
        this.pruner = b.pruner;
        this.tracking = b.tracking;
    }

    public static Builder builder(
            SearchSpace space, Sampler sampler, TrialObjective objective, SearchSettings settings) {
        return new Builder(space, sampler, objective, settings);
    }

    /** The number of trials this search runs: the budget, capped by the sampler (a grid's size). */
    public int trialCount() {
        return Math.min(settings.trials(), sampler.maxTrials().orElse(Integer.MAX_VALUE));
    }

    /** Runs every trial; tracked when tracking was configured. */
    public SearchResult run() {
        SearchRecorder recorder =
                tracking == null ? SearchRecorder.none() : tracking.start(searchParams(), settings.scoreName());
        return execute(List.of(), recorder);
    }

    /**
     * Continues the tracked search whose parent run is {@code parentRunId}: finished trials are taken
     * from the store as logged, unfinished ones are marked KILLED and run again, and the remaining
     * trials run as in an uninterrupted search.
     */
    public SearchResult resume(String parentRunId) {
        LatheException.check(tracking != null, "resuming search run %s needs tracking to be configured", parentRunId);
        tracking.checkResumable(parentRunId, searchParams()); // before anything in the store changes
        List<Trial> restored = TrialRestorer.restore(tracking.tracker(), parentRunId, space, settings.seed());
        SearchRecorder recorder = tracking.resume(parentRunId, searchParams(), settings.scoreName());
        return execute(restored, recorder);
    }

    /**
     * Starts this search for workers to serve ({@link #join}): logs the parent run with the search's
     * settings, records the queue (a trial whose worker stops heartbeating is queued again at most {@code
     * maxRetries} times, then FAILED) and enqueues batch 0; returns the parent run id. Runs no trial.
     */
    public String enqueue(int maxRetries) {
        LatheException.check(tracking != null, "a search served by workers needs tracking to be configured");
        TrialQueue queue = tracking.tracker().trialQueue();
        String parentRunId;
        try (SearchRecorder recorder = tracking.start(searchParams(), settings.scoreName())) {
            parentRunId = recorder.parentRunId().orElseThrow();
        }
        QueueSpec spec = new QueueSpec(trialCount(), settings.batchSize(), maxRetries);
        queue.create(parentRunId, spec);
        List<QueuedTrial> first = new ArrayList<>();
        for (int number = 0; number < spec.sizeOf(0); number++) {
            first.add(new QueuedTrial(number, TrialCodec.params(propose(number, List.of()))));
        }
        queue.enqueue(parentRunId, 0, first);
        return parentRunId;
    }

    /**
     * Serves the search that {@link #enqueue} started under {@code parentRunId}, with this study's
     * objective, until every trial has ended: claims trials from the store's queue, runs them (as many at
     * once as the settings' threads), heartbeats, records each as a trial run, proposes the next batch
     * when this worker ends the last trial of one, and finishes the search when it ends the last. Any
     * number of workers, in any number of JVMs, may join at any time; the trials, params and scores are
     * those of {@link #run()}. Returns every trial (the best model only when this worker refit it).
     */
    public SearchResult join(String parentRunId, WorkerSettings worker) {
        LatheException.check(tracking != null, "joining search %s needs tracking to be configured", parentRunId);
        LatheException.check(worker != null, "joining search %s needs worker settings", parentRunId);
        tracking.checkResumable(parentRunId, searchParams());
        return new SearchWorker(this, tracking, parentRunId, worker).serve();
    }

    SearchSettings settings() {
        return settings;
    }

    SearchSpace space() {
        return space;
    }

    TrialObjective objective() {
        return objective;
    }

    Pruner pruner() {
        return pruner;
    }

    SearchListener listener() {
        return listener;
    }

    private Map<String, String> searchParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("search.sampler", sampler.name());
        p.put("search.pruner", pruner.name());
        p.put("search.n_trials", Integer.toString(trialCount()));
        p.put("search.seed", Long.toString(settings.seed()));
        p.put("search.batch_size", Integer.toString(settings.batchSize()));
        p.put(TrialTags.SEARCH_DIRECTION, settings.direction().name());
        p.put(TrialTags.SEARCH_SCORE, settings.scoreName());
        return p;
    }

    private SearchResult execute(List<Trial> restored, SearchRecorder recorder) {
        int n = trialCount();
        List<Trial> done = new ArrayList<>();
        Set<Integer> finished = new HashSet<>();
        for (Trial t : restored) {
            if (t.number() < n) {
                done.add(t);
                finished.add(t.number());
            }
        }
        try (recorder;
                TrialRunner runner = new TrialRunner(objective, pruner, settings.direction(), recorder)) {
            listener.searchStarted(recorder.parentRunId());
            for (int start = 0; start < n; start += settings.batchSize()) {
                int end = Math.min(n, start + settings.batchSize());
                final int batchStart = start;
                List<Trial> history = done.stream()
                        .filter(t -> t.number() < batchStart)
                        .sorted((a, b) -> Integer.compare(a.number(), b.number()))
                        .toList();
                List<ParamSet> proposals = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                for (int number = start; number < end; number++) {
                    if (finished.contains(number)) {
                        continue;
                    }
                    proposals.add(propose(number, history));
                    numbers.add(number);
                }
                List<Trial> batch = runner.runBatch(numbers, proposals, history, settings.threads());
                done.addAll(batch);
                batch.forEach(listener::trialFinished);
                batch.forEach(t -> finished.add(t.number()));
            }
            return finish(done, recorder);
        }
    }

    /**
     * Ends a search whose trials have all run (here, or by workers): logs the best trial, the trials table
     * and the best model refit on the parent run and returns the result. Shared by both search loops.
     */
    SearchResult finish(List<Trial> trials, SearchRecorder recorder) {
        List<Trial> done = new ArrayList<>(trials);
        done.sort((a, b) -> Integer.compare(a.number(), b.number()));
        Optional<Trial> best = SearchResult.bestOf(done, settings.direction());
        Optional<Model> model = best.flatMap(b -> objective.refit(b.params()));
        recorder.searchFinished(done, best, settings.scoreName(), TrialTable.csv(done), model);
        return new SearchResult(
                done,
                settings.direction(),
                settings.scoreName(),
                model.orElse(null),
                recorder.parentRunId().orElse(null));
    }

    /** The params of trial {@code number}, proposed from the trials of earlier batches ({@code history}). */
    ParamSet propose(int number, List<Trial> history) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(settings.seed(), number, Seeds.SAMPLER));
        Map<String, Object> values = sampler.sample(space, number, history, settings.direction(), rng);
        for (String name : space.names()) {
            LatheException.check(
                    values.containsKey(name) && space.get(name).contains(values.get(name)),
                    "sampler %s proposed %s=%s for trial %d, outside %s",
                    sampler.name(),
                    name,
                    values.get(name),
                    number,
                    space.get(name));
        }
        return new ParamSet(values, Seeds.derive(settings.seed(), number, Seeds.TRAINER));
    }

    /** Builder with the space, sampler, objective and settings required; no pruning and no tracking by default. */
    public static final class Builder {
        private final SearchSpace space;
        private final Sampler sampler;
        private final TrialObjective objective;
        private final SearchSettings settings;
        private Pruner pruner = Pruner.none();
        private SearchTracking tracking;
        private SearchListener listener = SearchListener.none();

        private Builder(SearchSpace space, Sampler sampler, TrialObjective objective, SearchSettings settings) {
            LatheException.check(space != null, "a study needs a search space");
            LatheException.check(sampler != null, "a study needs a sampler");
            LatheException.check(objective != null, "a study needs an objective");
            LatheException.check(settings != null, "a study needs settings");
            this.space = space;
            this.sampler = sampler;
            this.objective = objective;
            this.settings = settings;
        }

        public Builder pruner(Pruner pruner) {
            LatheException.check(pruner != null, "pruner must not be null (use Pruner.none())");
            this.pruner = pruner;
            return this;
        }

        public Builder tracking(SearchTracking tracking) {
            this.tracking = tracking;
            return this;
        }

        public Builder listener(SearchListener listener) {
            LatheException.check(listener != null, "listener must not be null (use SearchListener.none())");
            this.listener = listener;
            return this;
        }

        public Study build() {
            return new Study(this);
        }
    }
}
