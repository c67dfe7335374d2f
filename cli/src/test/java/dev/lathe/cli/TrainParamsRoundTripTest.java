package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.TrainerCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lathe train} on a slice of the real 2023 months, once per trainer of the catalog with
 * non-default hyperparameters, seed and threads: {@code --params-from RUN} and the run's logged params
 * passed back as {@code -P} each refit a bit-identical model (same SHA-256 of the saved model bytes),
 * and the logged names are the declared ones.
 */
class TrainParamsRoundTripTest {
    private static final int TRAIN_ROWS = 4000;
    private static final int VALID_ROWS = 2000;

    /** Non-default hyperparameters per trainer, as a user writes them. */
    private static final Map<String, List<String>> SETTINGS = Map.of(
            "ols", List.of("-P", "tol=1e-8"),
            "ridge", List.of("-P", "alpha=3.5", "-P", "max_iter=5000"),
            "lasso", List.of("-P", "alpha=0.02", "-P", "active_set=false"),
            "elasticnet", List.of("-P", "alpha=0.01", "-P", "l1_ratio=0.3"),
            "xgboost",
                    List.of(
                            "-P",
                            "num_boost_round=15",
                            "-P",
                            "max_depth=5",
                            "-P",
                            "subsample=0.8",
                            "-P",
                            "early_stopping_rounds=5",
                            "--seed",
                            "7",
                            "--threads",
                            "2"),
            "rf",
                    List.of(
                            "-P",
                            "num_parallel_tree=12",
                            "-P",
                            "max_depth=6",
                            "-P",
                            "colsample_bynode=0.7",
                            "-P",
                            "tree_method=hist",
                            "--seed",
                            "7",
                            "--threads",
                            "2"));

    @TempDir
    static Path tmp;

    static Path jan;
    static Path feb;

    @BeforeAll
    static void sliceTheMonths() {
        jan = slice("2023-01", TRAIN_ROWS);
        feb = slice("2023-02", VALID_ROWS);
    }

    static List<String> trainers() {
        return List.copyOf(TrainerCatalog.names());
    }

    @Test
    void everyCliTrainerIsCovered() {
        assertEquals(TrainerCatalog.names(), new java.util.TreeSet<>(SETTINGS.keySet()));
    }

    @ParameterizedTest
    @MethodSource("trainers")
    void loggedParamsRebuildTheSameModel(String trainer) {
        Path store = tmp.resolve("store-" + trainer);
        List<String> first = new ArrayList<>(List.of("--trainer", trainer));
        first.addAll(SETTINGS.get(trainer));
        String original = train(store, "a-" + trainer, first);

        SortedMap<String, String> logged = params(store, original);
        TrainerSpec spec = TrainerCatalog.get(trainer);
        assertEquals(trainer, logged.get(TrainerCatalog.TRAINER_PARAM));
        Map<String, String> declared = spec.declaredIn(logged);
        assertEquals(spec.space().names().size(), declared.size(), "every declared name is logged: " + logged);
        for (int i = 0; i + 1 < SETTINGS.get(trainer).size(); i += 2) {
            if (SETTINGS.get(trainer).get(i).equals("-P")) {
                String[] kv = SETTINGS.get(trainer).get(i + 1).split("=", 2);
                assertEquals(
                        spec.space()
                                .find(kv[0])
                                .orElseThrow()
                                .formatValue(
                                        spec.space().find(kv[0]).orElseThrow().parse(kv[1])),
                        declared.get(kv[0]),
                        kv[0]);
            }
        }
        spec.seed().ifPresent(s -> assertEquals("7", declared.get(s.name())));
        spec.threads().ifPresent(t -> assertEquals("2", declared.get(t.name())));

        String fromRun = train(store, "b-" + trainer, List.of("--params-from", original));
        assertEquals(logged, params(store, fromRun), "the refit logs the same params");

        List<String> asP = new ArrayList<>(List.of("--trainer", trainer));
        declared.forEach((k, v) -> asP.addAll(List.of("-P", k + "=" + v)));
        train(store, "c-" + trainer, asP);

        String digest = modelDigest("a-" + trainer);
        assertEquals(digest, modelDigest("b-" + trainer), "--params-from " + trainer);
        assertEquals(digest, modelDigest("c-" + trainer), "-P of the logged params " + trainer);
    }

    @Test
    void theSeedIsPartOfTheModel() {
        Path store = tmp.resolve("store-seed");
        List<String> rf = new ArrayList<>(List.of("--trainer", "rf"));
        rf.addAll(SETTINGS.get("rf"));
        String original = train(store, "seed-a", rf);
        String reseeded = train(store, "seed-b", List.of("--params-from", original, "--seed", "8"));
        assertEquals("8", params(store, reseeded).get("seed"));
        assertNotEquals(modelDigest("seed-a"), modelDigest("seed-b"));
    }

    @Test
    void theOldNamesAndConflictingSettingsAreRejected() {
        CliRun old = CliRun.of(args(tmp.resolve("bad"), "x", List.of("--trainer", "ridge", "-P", "tolerance=1e-6")));
        assertEquals(2, old.code(), old.toString());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: trainer ridge has no hyperparameter 'tolerance' (known: [alpha, max_iter, tol])",
                old.err().strip());
        CliRun twice = CliRun.of(
                args(tmp.resolve("bad"), "x", List.of("--trainer", "xgboost", "--seed", "1", "-P", "seed=2")));
        assertEquals(2, twice.code(), twice.toString());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: seed is given twice: --seed and -P seed=2",
                twice.err().strip());
        CliRun range = CliRun.of(args(tmp.resolve("bad"), "x", List.of("--trainer", "rf", "-P", "subsample=1")));
        assertEquals(2, range.code(), range.toString());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: trainer rf: hyperparameter subsample must be in (0, 1), got 1.0",
                range.err().strip());
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing was written for bad input");
    }

    @Test
    void helpListsEveryDeclaredHyperparameterWithDefaultRangeAndDoc() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.code(), help.toString());
        for (TrainerSpec spec : TrainerCatalog.all()) {
            assertTrue(help.out().contains("  " + spec.name() + ": " + spec.doc()), spec.name());
            spec.space().parameters().forEach(p -> assertTrue(help.out().contains(p.doc()), p.name()));
        }
        assertTrue(
                help.out().contains("    tol                   real number in (0, inf), default 1.0E-10\n"),
                help.out());
        assertTrue(help.out().contains("    seed                  set by --seed\n"), help.out());
        help.out().lines().forEach(l -> assertTrue(l.length() <= 80, "help line over 80 columns: " + l));
        CliRun search = CliRun.of("search", "--help");
        assertTrue(
                search.out().contains("    max_depth             integer 4..100\n        grid [4, 6, 10]\n"),
                search.out());
        search.out().lines().forEach(l -> assertTrue(l.length() <= 80, "help line over 80 columns: " + l));
        assertTrue(search.out().contains("ols: nothing to search"), search.out());
        assertFalse(search.out().contains("SearchSpaces"), search.out());
    }

    private static String train(Path store, String name, List<String> extra) {
        CliRun r = CliRun.of(args(store, name, extra));
        assertEquals(0, r.code(), r.toString());
        try {
            return new ObjectMapper().readTree(r.out()).get("run_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] args(Path store, String name, List<String> extra) {
        List<String> a = new ArrayList<>(List.of(
                "train",
                "--train",
                jan.toString(),
                "--valid",
                feb.toString(),
                "--store",
                store.toString(),
                "--output",
                tmp.resolve(name + ".lathe").toString(),
                "--json"));
        a.addAll(extra);
        return a.toArray(String[]::new);
    }

    private static SortedMap<String, String> params(Path store, String runId) {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            return new TreeMap<>(s.getRun(runId).data().params());
        }
    }

    private static String modelDigest(String name) {
        byte[] bytes = ModelIO.toBytes(
                FittedPipeline.load(tmp.resolve(name + ".lathe")).model());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code rows} trips of a bundled month, as a CSV file. */
    private static Path slice(String month, int rows) {
        Path src = CliRun.data(month).resolveSibling("green_tripdata_" + month + ".csv.gz");
        Path out = tmp.resolve(month + ".csv");
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(Files.newInputStream(src)), StandardCharsets.UTF_8));
                var w = Files.newBufferedWriter(out)) {
            for (int i = 0; i <= rows; i++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                w.write(line);
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
