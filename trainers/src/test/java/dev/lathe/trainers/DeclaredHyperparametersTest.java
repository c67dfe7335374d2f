package dev.lathe.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.ensemble.AveragingTrainer;
import dev.lathe.trainers.ensemble.BaggingParams;
import dev.lathe.trainers.ensemble.BaggingTrainer;
import dev.lathe.trainers.ensemble.StackingTrainer;
import dev.lathe.trainers.tribuo.LibLinearParams;
import dev.lathe.trainers.tribuo.SgdParams;
import dev.lathe.trainers.tribuo.TribuoForestParams;
import dev.lathe.trainers.tribuo.TribuoForestTrainer;
import dev.lathe.trainers.tribuo.TribuoLibLinearTrainer;
import dev.lathe.trainers.tribuo.TribuoSgdTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.regression.liblinear.LinearRegressionType.LinearType;

/**
 * The Tribuo trainers and the ensembles log exactly their declared hyperparameters, and the logged
 * strings, read back through the declarations alone, rebuild the same params and the same model.
 */
class DeclaredHyperparametersTest {
    private static final Dataset TRAIN = TestData.taxiLike("train", 300, 4, 1.0, 21);

    @Test
    void tribuoModelsRecordTheirDeclaredParamsInTheirProvenance() {
        for (Trainer<?> t : List.of(
                new TribuoSgdTrainer(new SgdParams(2, 0.5, 1, 3)),
                new TribuoLibLinearTrainer(LibLinearParams.l2Loss(4)),
                new TribuoForestTrainer(new TribuoForestParams(3, 3, 0.5f, 1f, 3)))) {
            assertEquals(t.hyperparameters(), t.fit(TRAIN).provenance().hyperparameters(), t.name());
        }
    }

    @Test
    void sgdLogsItsDeclarationAndRebuildsFromIt() {
        SgdParams p = new SgdParams(7, 0.3, 4, 13);
        SortedMap<String, String> logged = new TribuoSgdTrainer(p).hyperparameters();
        assertEquals(
                Map.of(
                        "epochs", "7",
                        "learning_rate", "0.3",
                        "minibatch_size", "4",
                        "seed", "13",
                        "loss", "squared",
                        "optimiser", "adagrad"),
                logged);
        SgdParams back = SgdParams.from(SgdParams.SPACE.parse(logged, "trainer tribuo_sgd"));
        assertEquals(p, back);
        assertSameModel(new TribuoSgdTrainer(p), new TribuoSgdTrainer(back));
    }

    @Test
    void libLinearLogsItsDeclarationAndRebuildsFromIt() {
        LibLinearParams p = new LibLinearParams(LinearType.L2R_L2LOSS_SVR_DUAL, 2.5, 300, 1e-4, 0.1, 5);
        SortedMap<String, String> logged = new TribuoLibLinearTrainer(p).hyperparameters();
        assertEquals(
                Map.of(
                        "type", "L2R_L2LOSS_SVR_DUAL",
                        "cost", "2.5",
                        "max_iter", "300",
                        "tol", "1.0E-4",
                        "epsilon", "0.1",
                        "seed", "5"),
                logged);
        LibLinearParams back = LibLinearParams.from(LibLinearParams.SPACE.parse(logged, "trainer tribuo_liblinear"));
        assertEquals(p, back);
        assertSameModel(new TribuoLibLinearTrainer(p), new TribuoLibLinearTrainer(back));
        assertEquals(LibLinearParams.l2Loss(1.0), LibLinearParams.from(LibLinearParams.SPACE.defaults()));
    }

    @Test
    void tribuoForestLogsItsFloatsAsWrittenAndRebuildsTheSameFloats() {
        TribuoForestParams p = new TribuoForestParams(6, 5, 0.7f, 1.5f, 9);
        SortedMap<String, String> logged = new TribuoForestTrainer(p).hyperparameters();
        assertEquals(
                Map.of(
                        "num_trees", "6",
                        "max_depth", "5",
                        "feature_fraction", "0.7",
                        "min_child_weight", "1.5",
                        "seed", "9"),
                logged);
        TribuoForestParams back = TribuoForestParams.from(TribuoForestParams.SPACE.parse(logged, "trainer tf"));
        assertEquals(p, back);
        assertSameModel(new TribuoForestTrainer(p), new TribuoForestTrainer(back));
    }

    @Test
    void everyFloatFractionRoundTripsThroughItsLoggedText() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            float f = Math.nextUp((float) rnd.nextDouble(0, 0.999));
            TribuoForestParams p = new TribuoForestParams(1, 1, f, f * 10, 0);
            TribuoForestParams back = TribuoForestParams.from(
                    TribuoForestParams.SPACE.parse(new TribuoForestTrainer(p).hyperparameters(), "t"));
            assertEquals(p, back, () -> "float " + f);
        }
    }

    @Test
    void baggingLogsItsDeclarationBesideTheBaseAndRebuildsFromTheLoggedText() {
        Trainer<?> base = TrainerCatalog.get("ridge").build(Map.of("alpha", "0.5"));
        BaggingTrainer bag = new BaggingTrainer(base, new BaggingParams(3, 0.8, 17, 2));
        SortedMap<String, String> logged = bag.hyperparameters();
        assertEquals("ridge", logged.get("base.trainer"));
        assertEquals("0.5", logged.get("base.alpha"));
        Map<String, String> own = ownKeys(logged, BaggingParams.SPACE);
        assertEquals(Map.of("members", "3", "sample_fraction", "0.8", "seed", "17", "threads", "2"), own);
        BaggingTrainer again = new BaggingTrainer(
                member(logged, "base."), BaggingParams.from(BaggingParams.SPACE.parse(own, "trainer bagging")));
        assertEquals(logged, again.hyperparameters());
        assertSameModel(bag, again);
    }

    @Test
    void stackingLogsFoldsAndSeedBesideItsMembersAndRebuildsFromTheLoggedText() {
        List<Trainer<?>> bases = List.of(
                TrainerCatalog.get("ridge").build(Map.of("alpha", "2")),
                TrainerCatalog.get("lasso").build(Map.of("alpha", "0.01")));
        StackingTrainer stack =
                new StackingTrainer(bases, TrainerCatalog.get("ols").build(Map.of()), 3, 8);
        SortedMap<String, String> logged = stack.hyperparameters();
        Map<String, String> own = ownKeys(logged, StackingTrainer.SPACE);
        assertEquals(Map.of("folds", "3", "seed", "8"), own);
        var values = StackingTrainer.SPACE.parse(own, "trainer stacking");
        StackingTrainer again = new StackingTrainer(
                List.of(member(logged, "base0."), member(logged, "base1.")),
                member(logged, "meta."),
                values.get(StackingTrainer.FOLDS),
                values.get(StackingTrainer.SEED));
        assertEquals(logged, again.hyperparameters());
        assertSameModel(stack, again);
    }

    @Test
    void averagingLogsEachMembersWeightAndRebuildsFromTheLoggedText() {
        List<Trainer<? extends Model>> members = List.of(
                TrainerCatalog.get("ridge").build(Map.of("alpha", "3")),
                TrainerCatalog.get("ols").build(Map.of()));
        AveragingTrainer avg = new AveragingTrainer(members, new double[] {0.25, 0.75});
        SortedMap<String, String> logged = avg.hyperparameters();
        assertEquals("0.25", logged.get("member0.weight"));
        List<Trainer<? extends Model>> rebuilt = new ArrayList<>();
        double[] weights = new double[2];
        for (int i = 0; i < 2; i++) {
            String prefix = "member" + i + ".";
            weights[i] = AveragingTrainer.WEIGHT.parse(logged.get(prefix + "weight"));
            Map<String, String> rest = new TreeMap<>(under(logged, prefix));
            rest.remove("weight");
            rebuilt.add(build(rest));
        }
        AveragingTrainer again = new AveragingTrainer(rebuilt, weights);
        assertEquals(logged, again.hyperparameters());
        assertSameModel(avg, again);
    }

    @Test
    void aValueOutsideItsDeclaredRuleIsRejectedStatingTheRuleAndTheValue() {
        assertEquals("epochs must be in [1, inf), got 0", message(() -> new SgdParams(0, 0.1, 1, 1)));
        assertEquals(
                "learning_rate must be in (0, inf), got Infinity",
                message(() -> new SgdParams(1, Double.POSITIVE_INFINITY, 1, 1)));
        assertEquals("cost must be in (0, inf), got -1.0", message(() -> LibLinearParams.l2Loss(-1)));
        assertEquals(
                "trainer tribuo_liblinear: hyperparameter type must be one of"
                        + " [L2R_L2LOSS_SVR, L2R_L2LOSS_SVR_DUAL, L2R_L1LOSS_SVR_DUAL], got 'L1R'",
                message(() -> LibLinearParams.SPACE.parse(Map.of("type", "L1R"), "trainer tribuo_liblinear")));
        assertEquals(
                "feature_fraction must be in (0, 1), got 1.0", message(() -> new TribuoForestParams(10, 5, 1f, 1f, 1)));
        assertEquals(
                "feature_fraction must be a single-precision value (Tribuo trains in float), got 0.123456789012"
                        + " (nearest float 0.12345679)",
                message(() -> TribuoForestParams.from(TribuoForestParams.SPACE.parse(
                        Map.of("feature_fraction", "0.123456789012"), "trainer tribuo_forest"))));
        assertEquals("sample_fraction must be in (0, 1], got 1.5", message(() -> new BaggingParams(2, 1.5, 1, 1)));
        assertEquals(
                "folds must be in [2, inf), got 1",
                message(() -> new StackingTrainer(
                        List.of(TrainerCatalog.get("ols").build(Map.of())),
                        TrainerCatalog.get("ols").build(Map.of()),
                        1,
                        0)));
        assertEquals(
                "weight must be in [0, inf), got -0.5",
                message(() ->
                        new AveragingTrainer(List.of(TrainerCatalog.get("ols").build(Map.of())), new double[] {-0.5})));
        assertNotEquals(
                SgdParams.SPACE.defaults(), new SgdParams(6, 1.0, 1, 0).values(), "a non-default is not the default");
    }

    /** The keys of {@code logged} that {@code space} declares (an ensemble's own hyperparameters). */
    private static Map<String, String> ownKeys(SortedMap<String, String> logged, HyperparameterSpace space) {
        Map<String, String> own = new TreeMap<>(logged);
        own.keySet().retainAll(space.names());
        return own;
    }

    private static SortedMap<String, String> under(SortedMap<String, String> logged, String prefix) {
        SortedMap<String, String> out = new TreeMap<>();
        logged.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The member logged under {@code prefix}, rebuilt from its logged name and hyperparameters. */
    private static Trainer<? extends Model> member(SortedMap<String, String> logged, String prefix) {
        return build(under(logged, prefix));
    }

    private static Trainer<? extends Model> build(Map<String, String> memberKeys) {
        Map<String, String> params = new TreeMap<>(memberKeys);
        String name = params.remove("trainer");
        return TrainerCatalog.get(name).build(params);
    }

    /**
     * Both trainers fit models that predict bit-identically, with the same provenance; Lathe's own
     * models also save to the same bytes. Tribuo's saved bytes carry Tribuo's provenance, which holds
     * the time of training, so for those the predictions on two datasets are the check.
     */
    private static void assertSameModel(Trainer<?> first, Trainer<?> again) {
        Model a = first.fit(TRAIN);
        Model b = again.fit(TRAIN);
        assertEquals(a.provenance(), b.provenance(), first.name());
        Dataset other = TestData.taxiLike("other", 100, 4, 1.0, 22);
        assertArrayEquals(a.predict(TRAIN.features()), b.predict(TRAIN.features()), first.name());
        assertArrayEquals(a.predict(other.features()), b.predict(other.features()), first.name());
        if (!first.name().startsWith("tribuo_")) {
            assertEquals(
                    TrainerCatalogTest.sha256(ModelIO.toBytes(a)),
                    TrainerCatalogTest.sha256(ModelIO.toBytes(b)),
                    first.name());
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(LatheException.class, action).getMessage();
    }
}
