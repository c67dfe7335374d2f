package dev.lathe.cli;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tracking.sqlite.RunOwner;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.WorkerSettings;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.GridSampler;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.TrialTags;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.TrialState;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.SearchOutcome;
import dev.lathe.workflow.TrackedSearch;
import dev.lathe.workflow.TrainingData;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe search}: grid, random or TPE search over a trainer's hyperparameters, tracked as nested runs. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        modelTransformer = TrainerHelp.Search.class,
        description = {
            "Search a trainer's hyperparameters, scoring validation RMSE.",
            "Logs a parent run with one child run per trial. Every run holds its params, metrics and",
            "model/ (docs/tracking-conventions.md); the parent holds the best trial's, so it registers like",
            "any run. Progress goes to stderr, one line per trial.",
            "With --threads N, N trials run side by side; the results do not depend on N.",
            "A killed search continues where it stopped with --resume PARENT_RUN_ID.",
            "With --distributed it only starts the search: 'lathe worker --search PARENT_RUN_ID' processes, on",
            "this machine or others sharing the store, serve it; the trials are the same for any number of them.",
            "Example: lathe search --trainer xgboost --sampler tpe --trials 20 --seed 42 --threads 2"
                    + " --train jan.parquet --valid feb.parquet --register nyc-taxi-duration --alias champion"
        })
public final class SearchCommand implements Callable<Integer> {
    @Option(
            names = "--trainer",
            required = true,
            description = "The trainer whose hyperparameters to search (listed below).")
    String trainer;

    @Option(names = "--sampler", defaultValue = "tpe", description = "grid, random or tpe (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(
            names = "--trials",
            defaultValue = "20",
            description = "Trial budget; a grid caps it at its size (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Search seed: proposals and trainer seeds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(
            names = "--resume",
            paramLabel = "PARENT_RUN_ID",
            description = "Continue the search this parent run logged (e.g. after the process was killed):"
                    + " finished trials are kept, unfinished ones run again; give the same options as the first time"
                    + " (default: a new search).")
    String resume;

    @Option(
            names = "--rounds",
            defaultValue = "200",
            description = "XGBoost boosting rounds per trial (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "1",
            description = "Trials proposed together, from the trials of earlier batches only: at most N run at once"
                    + " (threads, workers); the results depend on N, not on --threads or the workers"
                    + " (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--distributed",
            description = "Only start the search: record it and queue its first batch for 'lathe worker --search"
                    + " PARENT_RUN_ID' processes to serve; prints the parent run id.")
    boolean distributed;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "2",
            description = "With --distributed: times a trial whose worker stopped heartbeating is queued again"
                    + " before it fails (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--prune", description = "Stop unpromising boosting trials early (median pruner).")
    boolean prune;

    @Option(
            names = "--multivariate",
            description = "With --sampler tpe: model the parameters jointly (Optuna's multivariate TPE).")
    boolean multivariate;

    @Mixin
    MonthsOptions months;

    @Option(
            names = "--experiment",
            defaultValue = "nyc-taxi-search",
            description = "Experiment name (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Mixin
    RegisterOptions register;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TablesawStartup.initialize();
        check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingData data = months.load(err);
        try (TrackingStore tracker = store.open()) {
            if (distributed) {
                return enqueue(tracker, data, out);
            }
            int total = Math.min(trials, sampler(name()).maxTrials().orElse(Integer.MAX_VALUE));
            TrackedSearch search = search(tracker, new TrialProgress(err, total, RunConvention.VALIDATION_RMSE));
            SearchOutcome outcome =
                    resume == null ? search.run(data) : search.resume(resumable(tracker, runName()), data);
            Optional<ModelVersion> version = register.apply(tracker, outcome.runId());
            print(out, outcome, version);
        }
        return 0;
    }

    private void check() {
        LatheException.check(trials >= 1, "--trials must be >= 1, got %d", trials);
        LatheException.check(rounds >= 1, "--rounds must be >= 1, got %d", rounds);
        LatheException.check(batchSize >= 1, "--batch-size must be >= 1, got %d", batchSize);
        LatheException.check(maxRetries >= 0, "--max-retries must be >= 0, got %d", maxRetries);
        LatheException.check(
                !distributed || (resume == null && register.name == null),
                "--distributed only starts a search: it takes neither --resume (start workers on the search instead)"
                        + " nor --register (register the parent run once the workers have finished)");
        register.check();
        sampler(name()); // an unknown sampler or a trainer without a space fails before any data is read
        space();
    }

    /** The trainer's search space: its grid with --sampler grid, its continuous space otherwise. */
    private SearchSpace space() {
        return "grid".equals(sampler.toLowerCase(Locale.ROOT))
                ? SearchSpaces.grid(name()).asSearchSpace()
                : SearchSpaces.continuous(name());
    }

    private String name() {
        return trainer.toLowerCase(Locale.ROOT);
    }

    private String runName() {
        return name() + "-" + sampler(name()).name() + "-search";
    }

    /** This command's search, with its sampler, space, budget, seed, batches and pruner. */
    private TrackedSearch search(TrackingStore tracker, SearchListener listener) {
        String name = name();
        SearchSpace space = space();
        TrackedSearch search = TrackedSearch.of(tracker, experiment, "lathe search", space, p -> trainerFor(name, p))
                .sampler(sampler(name))
                .trials(trials)
                .seed(seed)
                .threads(threads.threads())
                .batchSize(batchSize)
                .runName(runName())
                .listener(listener);
        if (prune) {
            search.pruner(new MedianPruner(5, 10));
        }
        return search;
    }

    /** --distributed: records the search and its arguments (for the workers) and queues its first batch. */
    private int enqueue(TrackingStore tracker, TrainingData data, PrintWriter out) {
        String parent = search(tracker, SearchListener.none()).enqueue(data, maxRetries);
        tracker.setTag(parent, WorkerCommand.ARGS_TAG, Json.object(workerArgs()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("parent_run_id", parent);
        summary.put("trials", Math.min(trials, sampler(name()).maxTrials().orElse(Integer.MAX_VALUE)));
        summary.put("batch_size", batchSize);
        summary.put(
                "worker", "lathe worker --search " + parent + (store.store == null ? "" : " --store " + store.store));
        if (json) {
            out.println(Json.object(summary));
        } else {
            summary.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k, v));
        }
        out.flush();
        return 0;
    }

    /** This command's arguments without the store, --distributed, --max-retries and --json: what a worker re-reads. */
    private List<String> workerArgs() {
        List<String> args = new java.util.ArrayList<>();
        List<String> all = spec.commandLine().getParseResult().originalArgs(); // the whole command line
        List<String> original = all.subList(all.indexOf(spec.name()) + 1, all.size());
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--store") || a.equals("--max-retries")) {
                i++;
            } else if (!a.startsWith("--store=")
                    && !a.startsWith("--max-retries=")
                    && !a.equals("--distributed")
                    && !a.equals("--json")) {
                args.add(a);
            }
        }
        return args;
    }

    /**
     * Serves, as one worker, the distributed search {@code parent} that this command (parsed from the
     * arguments the search recorded) started: same data, trainer, space and settings; {@code threads}
     * trials at once.
     */
    SearchResult serve(
            TrackingStore tracker, String parent, WorkerSettings worker, int workerThreads, PrintWriter err) {
        TablesawStartup.initialize();
        check();
        TrainingData data = months.load(err);
        threads.threads = workerThreads;
        int total = Math.min(trials, sampler(name()).maxTrials().orElse(Integer.MAX_VALUE));
        return search(tracker, new TrialProgress(err, total, RunConvention.VALIDATION_RMSE))
                .join(parent, data, worker);
    }

    /** The parent run to resume, after checking it is a search of this trainer and sampler that is not deleted. */
    private String resumable(TrackingStore tracker, String runName) {
        RunInfo parent = tracker.getRun(resume).info();
        LatheException.check(
                "true".equals(tracker.getRun(resume).data().tags().get(TrialTags.SEARCH)),
                "--resume %s: run '%s' is not the parent run of a search",
                resume,
                parent.runName());
        LatheException.check(
                parent.lifecycleStage() == LifecycleStage.ACTIVE,
                "--resume %s: the run is deleted; restore it first (lathe runs restore %s)",
                resume,
                resume);
        LatheException.check(
                runName.equals(parent.runName()),
                "--resume %s: that run is the search '%s', this command is the search '%s' (check --trainer and"
                        + " --sampler)",
                resume,
                parent.runName(),
                runName);
        RunOwner live = RunOwnership.live(tracker, List.of(resume), "--resume").get(resume);
        LatheException.check(
                ErrorCode.INVALID_STATE,
                live == null,
                "--resume %s: that search is still running (%s); resuming it would run its trials twice."
                        + " Wait for it, or stop it, then resume",
                resume,
                live == null ? "" : live.describe());
        return resume;
    }

    private Sampler sampler(String name) {
        return switch (sampler.toLowerCase(Locale.ROOT)) {
            case "grid" -> new GridSampler(SearchSpaces.grid(name));
            case "random" -> new RandomSampler();
            case "tpe" -> new TpeSampler(TpeSettings.defaults().withMultivariate(multivariate));
            default -> throw new InvalidParameterException(
                    "--sampler must be grid, random or tpe, got '" + sampler + "'");
        };
    }

    /** One trial's trainer: its sampled values as hyperparameters, seeded with the trial's seed. */
    private Trainer<?> trainerFor(String name, ParamSet p) {
        TrainerSpec spec = SearchSpaces.searchable(name);
        Map<String, String> params = new TreeMap<>(p.formatted());
        if (spec.space().declares(XGBoostParams.NUM_BOOST_ROUND)) {
            params.put(XGBoostParams.NUM_BOOST_ROUND.name(), Integer.toString(rounds));
            params.put(XGBoostParams.EARLY_STOPPING_ROUNDS.name(), Integer.toString(Math.min(20, rounds)));
        }
        spec.seed().ifPresent(s -> params.put(s.name(), Long.toString(p.seed())));
        spec.threads().ifPresent(t -> params.put(t.name(), "1"));
        return spec.build(params);
    }

    private void print(PrintWriter out, SearchOutcome outcome, Optional<ModelVersion> version) {
        var result = outcome.search();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("parent_run_id", outcome.runId());
        summary.put("trials", result.trials().size());
        summary.put("complete", result.count(TrialState.COMPLETE));
        summary.put("pruned", result.count(TrialState.PRUNED));
        summary.put("failed", result.count(TrialState.FAILED));
        summary.put("best_trial", result.best().number());
        summary.put("best_" + RunConvention.VALIDATION_RMSE, result.bestScore());
        summary.put("best_params", new TreeMap<>(result.bestParams().formatted()));
        summary.put("model_uri", "runs:/" + outcome.runId() + "/model");
        version.ifPresent(v -> summary.put("registered", "models:/" + v.name() + "/" + v.version()));
        if (json) {
            out.println(Json.object(summary));
        } else {
            summary.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k, v));
        }
        out.flush();
    }
}
