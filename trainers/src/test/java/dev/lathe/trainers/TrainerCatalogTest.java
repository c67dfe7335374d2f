package dev.lathe.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Tunable;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.linear.ElasticNetParams;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named trainer logs exactly its declared hyperparameters under its own name, and those logged
 * strings build a trainer whose model is bit-identical (same SHA-256 of the saved bytes).
 */
class TrainerCatalogTest {
    /** Non-default values for every trainer, as a user would write them after -P. */
    private static final Map<String, Map<String, String>> NON_DEFAULT = Map.of(
            "ols", Map.of("tol", "1e-8", "max_iter", "500"),
            "ridge", Map.of("alpha", "2.5", "tol", "1e-9", "max_iter", "2000"),
            "lasso", Map.of("alpha", "0.02", "tol", "1e-5", "max_iter", "300", "active_set", "false"),
            "elasticnet", Map.of("alpha", "0.03", "l1_ratio", "0.3", "max_iter", "400"),
            "xgboost",
                    Map.of(
                            "num_boost_round", "12",
                            "max_depth", "4",
                            "learning_rate", "0.2",
                            "subsample", "0.8",
                            "colsample_bytree", "0.9",
                            "reg_alpha", "0.01",
                            "seed", "7",
                            "nthread", "2"),
            "rf",
                    Map.of(
                            "num_parallel_tree", "8",
                            "max_depth", "5",
                            "subsample", "0.7",
                            "colsample_bynode", "0.8",
                            "tree_method", "hist",
                            "seed", "11",
                            "nthread", "2"));

    static List<String> names() {
        return List.copyOf(TrainerCatalog.names());
    }

    @Test
    void theCommandLinesTrainersAreTheCatalog() {
        assertEquals(List.of("elasticnet", "lasso", "ols", "rf", "ridge", "xgboost"), names());
        assertEquals(NON_DEFAULT.keySet(), TrainerCatalog.names());
    }

    @ParameterizedTest
    @MethodSource("names")
    void aTrainerLogsItsDeclaredNamesAndItsOwnName(String name) {
        TrainerSpec spec = TrainerCatalog.get(name);
        Trainer<? extends Model> defaults = spec.build(Map.of());
        assertEquals(name, defaults.name());
        assertEquals(spec.space().defaults().asStrings(), defaults.hyperparameters());
        assertTrue(spec.space().names().containsAll(NON_DEFAULT.get(name).keySet()));
        Trainer<? extends Model> set = spec.build(NON_DEFAULT.get(name));
        assertEquals(name, set.name());
        assertEquals(
                spec.space().names().stream().sorted().toList(),
                List.copyOf(set.hyperparameters().keySet()));
        NON_DEFAULT
                .get(name)
                .forEach((k, v) -> assertEquals(
                        spec.space()
                                .find(k)
                                .orElseThrow()
                                .formatValue(spec.space().find(k).orElseThrow().parse(v)),
                        set.hyperparameters().get(k),
                        k));
        assertNotEquals(defaults.hyperparameters(), set.hyperparameters());
    }

    @ParameterizedTest
    @MethodSource("names")
    void loggedParamsRebuildABitIdenticalModel(String name) {
        Dataset train = TestData.taxiLike("train", 400, 8, 2.0, 3);
        Trainer<? extends Model> first = TrainerCatalog.get(name).build(NON_DEFAULT.get(name));
        SortedMap<String, String> logged = first.hyperparameters();
        Trainer<? extends Model> again = TrainerCatalog.get(first.name()).build(logged);
        assertEquals(logged, again.hyperparameters());
        Model a = first.fit(train);
        Model b = again.fit(train);
        assertEquals(logged, a.provenance().hyperparameters());
        assertEquals(name, a.provenance().trainer());
        assertEquals(sha256(ModelIO.toBytes(a)), sha256(ModelIO.toBytes(b)));
        assertArrayEquals(a.predict(train.features()), b.predict(train.features()));
    }

    @Test
    void anElasticNetWithL1RatioOneIsTheLassoAndRebuildsAsOne() {
        Trainer<? extends Model> enet =
                TrainerCatalog.get("elasticnet").build(Map.of("l1_ratio", "1", "alpha", "0.05"));
        assertEquals("lasso", enet.name());
        assertEquals(
                ElasticNetParams.LASSO_SPACE.names().stream().sorted().toList(),
                List.copyOf(enet.hyperparameters().keySet()));
        Dataset train = TestData.taxiLike("train", 300, 6, 2.0, 5);
        Model a = enet.fit(train);
        Model b = TrainerCatalog.get(enet.name()).build(enet.hyperparameters()).fit(train);
        assertEquals(sha256(ModelIO.toBytes(a)), sha256(ModelIO.toBytes(b)));
    }

    @Test
    void badValuesNameTheTrainerTheKeyTheRuleAndTheValue() {
        assertEquals(
                "trainer ridge has no hyperparameter 'alpah' (known: [alpha, max_iter, tol])",
                message(() -> TrainerCatalog.get("ridge").build(Map.of("alpah", "1"))));
        assertEquals(
                "trainer ridge: hyperparameter alpha must be in [0, inf), got -1.0",
                message(() -> TrainerCatalog.get("ridge").build(Map.of("alpha", "-1"))));
        assertEquals(
                "trainer xgboost: hyperparameter max_depth must be an integer in [0, inf), got '6.5'",
                message(() -> TrainerCatalog.get("xgboost").build(Map.of("max_depth", "6.5"))));
        assertEquals(
                "trainer rf: hyperparameter tree_method must be one of [hist, approx, exact], got 'gpu_hist'",
                message(() -> TrainerCatalog.get("rf").build(Map.of("tree_method", "gpu_hist"))));
        assertEquals(
                "trainer lasso: hyperparameter active_set must be true or false, got 'yes'",
                message(() -> TrainerCatalog.get("lasso").build(Map.of("active_set", "yes"))));
        assertEquals(
                "trainer lasso has no hyperparameter 'l1_ratio' (known: [active_set, alpha, max_iter, tol])",
                message(() -> TrainerCatalog.get("lasso").build(Map.of("l1_ratio", "0.5"))));
        assertEquals(
                "no trainer 'svm' (known: [elasticnet, lasso, ols, rf, ridge, xgboost])",
                message(() -> TrainerCatalog.get("svm")));
        // A rule that spans two hyperparameters is the record's, and still names both.
        assertTrue(message(() -> TrainerCatalog.get("rf").build(Map.of("colsample_bynode", "0.5")))
                .contains("tree_method exact needs colsample_bynode = 1"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void searchRangesAreDeclaredHyperparametersAndEveryProposalIsValid(String name) {
        TrainerSpec spec = TrainerCatalog.get(name);
        for (Tunable t : spec.search()) {
            assertTrue(spec.space().declares(t.param()), t.param().name());
            HyperparameterValues v = spec.space().defaults();
            for (double x : new double[] {t.low(), t.high()}) {
                Map<String, String> given =
                        Map.of(t.param().name(), t.integer() ? Integer.toString((int) x) : Double.toString(x));
                spec.build(given); // both ends build a trainer
            }
            for (Object g : t.grid()) {
                spec.build(Map.of(t.param().name(), String.valueOf(g)));
            }
            assertEquals(v, spec.space().defaults());
        }
        assertEquals(name.equals("ols"), spec.search().isEmpty());
    }

    @Test
    void aSearchRangeOutsideTheRuleOrOverAnUndeclaredNameIsRejected() {
        assertEquals(
                "learning_rate must be in (0, 1], got 2.0",
                message(() -> Tunable.logUniform(XGBoostParams.LEARNING_RATE, 0.1, 2.0)));
        Hyperparameter<Double> stray = Hyperparameter.real("alpha", 1, dev.lathe.core.params.Interval.atLeast(0), "x");
        assertEquals(
                "trainer ridge searches 'alpha', which it does not declare (declared: [alpha, tol, max_iter])",
                message(() -> TrainerSpec.builder(
                                "ridge", "r", TrainerCatalog.get("ridge").space(), v -> null)
                        .search(Tunable.uniform(stray, 0, 1))
                        .build()));
    }

    private static String message(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(LatheException.class, action).getMessage();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
