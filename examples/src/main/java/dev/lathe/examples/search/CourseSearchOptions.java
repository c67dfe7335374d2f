package dev.lathe.examples.search;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command-line options of {@link CourseXGBoostSearch}: data files, mode, trial budget, boosting rounds,
 * threads (trial workers and XGBoost threads per trial), proposal batch size, seed and optional store.
 */
public record CourseSearchOptions(
        Path train,
        Path valid,
        SearchMode mode,
        int trials,
        int rounds,
        int threads,
        int xgbThreads,
        int batchSize,
        long seed,
        Optional<Path> store) {
    public CourseSearchOptions {
        LatheException.check(trials >= 1, "--trials must be >= 1, got %d", trials);
        LatheException.check(rounds >= 1, "--rounds must be >= 1, got %d", rounds);
        LatheException.check(threads >= 1, "--threads must be >= 1, got %d", threads);
        LatheException.check(xgbThreads >= 1, "--xgb-threads must be >= 1, got %d", xgbThreads);
        LatheException.check(batchSize >= 1, "--batch must be >= 1, got %d", batchSize);
    }

    /** Parses {@code --name value} pairs; defaults are the course's: 50 trials, 1000 rounds, seed 42. */
    public static CourseSearchOptions parse(String[] args) {
        Path train = Path.of("data/tlc/green_tripdata_2023-01.parquet");
        Path valid = Path.of("data/tlc/green_tripdata_2023-02.parquet");
        SearchMode mode = SearchMode.TPE_PRUNED;
        int trials = 50;
        int rounds = 1000;
        int threads = 1;
        int xgbThreads = 2;
        int batch = 1;
        long seed = 42;
        Path store = null;
        for (int i = 0; i < args.length; i += 2) {
            LatheException.check(i + 1 < args.length, "option %s needs a value", args[i]);
            String v = args[i + 1];
            switch (args[i]) {
                case "--train" -> train = Path.of(v);
                case "--valid" -> valid = Path.of(v);
                case "--mode" -> mode = SearchMode.parse(v);
                case "--trials" -> trials = integer(args[i], v);
                case "--rounds" -> rounds = integer(args[i], v);
                case "--threads" -> threads = integer(args[i], v);
                case "--xgb-threads" -> xgbThreads = integer(args[i], v);
                case "--batch" -> batch = integer(args[i], v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--store" -> store = Path.of(v);
                default -> throw new InvalidParameterException(
                        "unknown option '" + args[i] + "'; known: --train --valid --mode "
                                + "--trials --rounds --threads --xgb-threads --batch --seed --store");
            }
        }
        return new CourseSearchOptions(
                train, valid, mode, trials, rounds, threads, xgbThreads, batch, seed, Optional.ofNullable(store));
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("option " + option + " expects an integer, got '" + v + "'", e);
        }
    }
}
