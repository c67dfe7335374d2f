package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.trainers.TrainerCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The options that choose and configure the trainer of {@code lathe train}, resolved against the
 * trainer's declared hyperparameters: declared defaults, then a logged run's params ({@code
 * --params-from}), then {@code --seed} and {@code --threads}, then {@code -P}. Keys are the names the
 * trainer declares and logs, so a run's logged params passed back rebuild the same model.
 */
public final class TrainerOptions {
    static final String DEFAULT_TRAINER = "ols";
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_THREADS = 1;

    @Option(
            names = "--trainer",
            paramLabel = "NAME",
            description = "The trainer to fit (default: " + DEFAULT_TRAINER
                    + ", or the trainer of --params-from); the trainers and their hyperparameters are listed below.")
    String trainer;

    @Option(
            names = {"-P", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A hyperparameter under its logged name, e.g. -P alpha=1.0 -P max_depth=6 (repeatable;"
                    + " default: the declared defaults listed below).")
    Map<String, String> params = new TreeMap<>();

    @Option(
            names = "--params-from",
            paramLabel = "RUN_ID",
            description = "Start from the trainer and hyperparameters logged by this run (then --seed, --threads"
                    + " and -P override); refits the same model on the same data (default: none).")
    String paramsFrom;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of random trainers (xgboost, rf) (default: " + DEFAULT_SEED
                    + ", or the seed of --params-from).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    ThreadsOption.MEANING + " (default: " + DEFAULT_THREADS + ", or the nthread of --params-from).")
    Integer threads;

    /** The trainer these options describe; opens {@code store} only to read {@code --params-from}. */
    public Trainer<? extends Model> build(StoreOption store) {
        SortedMap<String, String> logged = paramsFrom == null ? new TreeMap<>() : loggedParams(store);
        TrainerSpec spec = spec(logged);
        Map<String, String> given = new TreeMap<>(spec.declaredIn(logged));
        spec.seed().ifPresent(p -> {
            if (seed != null || !given.containsKey(p.name())) {
                given.put(p.name(), Long.toString(seed == null ? DEFAULT_SEED : seed));
            }
            rejectTwice(p.name(), seed != null, "--seed");
        });
        spec.threads().ifPresent(p -> {
            LatheException.check(threads == null || threads >= 1, "--threads must be >= 1, got %d", threads);
            if (threads != null || !given.containsKey(p.name())) {
                given.put(p.name(), Integer.toString(threads == null ? DEFAULT_THREADS : threads));
            }
            rejectTwice(p.name(), threads != null, "--threads");
        });
        given.putAll(params);
        return spec.build(given);
    }

    private TrainerSpec spec(SortedMap<String, String> logged) {
        String fromRun = logged.get(TrainerCatalog.TRAINER_PARAM);
        LatheException.check(
                paramsFrom == null || fromRun != null,
                "run %s has no '%s' param naming its trainer, so --params-from cannot rebuild it",
                paramsFrom,
                TrainerCatalog.TRAINER_PARAM);
        String name = trainer != null ? trainer.toLowerCase(Locale.ROOT) : fromRun != null ? fromRun : DEFAULT_TRAINER;
        LatheException.check(
                TrainerCatalog.find(name).isPresent(),
                "%s must be one of %s, got '%s'",
                trainer != null ? "--trainer" : "the trainer of run " + paramsFrom,
                TrainerCatalog.names(),
                trainer != null ? trainer : name);
        LatheException.check(
                fromRun == null || fromRun.equals(name),
                "--trainer %s differs from the trainer of run %s (%s): its params would not apply",
                name,
                paramsFrom,
                fromRun);
        return TrainerCatalog.get(name);
    }

    private SortedMap<String, String> loggedParams(StoreOption store) {
        try (TrackingStore s = store.open()) {
            Run run = s.getRun(paramsFrom);
            return new TreeMap<>(run.data().params());
        }
    }

    private void rejectTwice(String name, boolean optionGiven, String option) {
        LatheException.check(
                !(optionGiven && params.containsKey(name)),
                "%s is given twice: %s and -P %s=%s",
                name,
                option,
                name,
                params.get(name));
    }
}
