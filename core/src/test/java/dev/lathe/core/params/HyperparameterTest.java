package dev.lathe.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Declared hyperparameters: rules, messages, and the text round trip that logged params rely on. */
class HyperparameterTest {
    private static final Hyperparameter<Double> ALPHA =
            Hyperparameter.real("alpha", 1.0, Interval.atLeast(0), "penalty strength");
    private static final Hyperparameter<Integer> DEPTH =
            Hyperparameter.integer("max_depth", 6, Interval.atLeast(1), "tree depth");
    private static final Hyperparameter<Double> SHARE =
            Hyperparameter.real("subsample", 0.5, Interval.open(0, 1), "row share");
    private static final Hyperparameter<Long> SEED = Hyperparameter.seed("seed", 0, "seed");
    private static final Hyperparameter<Boolean> FLAG = Hyperparameter.flag("active_set", true, "a switch");
    private static final Hyperparameter<String> METHOD =
            Hyperparameter.choice("tree_method", "hist", List.of("hist", "exact"), "algorithm");
    private static final HyperparameterSpace SPACE = HyperparameterSpace.of(ALPHA, DEPTH, SHARE, SEED, FLAG, METHOD);

    @Test
    void intervalsReadLikeScikitLearnsConstraints() {
        assertEquals("[0, inf)", Interval.atLeast(0).toString());
        assertEquals("(0, 1]", Interval.openClosed(0, 1).toString());
        assertEquals("(0, 1)", Interval.open(0, 1).toString());
        assertEquals("[0.25, 1]", Interval.closed(0.25, 1).toString());
        assertEquals("(-inf, inf)", Interval.any().toString());
        assertTrue(Interval.atLeast(0).contains(0));
        assertFalse(Interval.greaterThan(0).contains(0));
        assertFalse(Interval.atLeast(0).contains(Double.NaN));
        assertFalse(Interval.atLeast(0).contains(Double.POSITIVE_INFINITY));
        assertTrue(Interval.openClosed(0, 1).contains(1));
        assertFalse(Interval.open(0, 1).contains(1));
    }

    @Test
    void invalidValuesStateTheRuleAndTheValue() {
        assertMessage("alpha must be in [0, inf), got -1.0", () -> ALPHA.check(-1.0));
        assertMessage("alpha must be in [0, inf), got NaN", () -> ALPHA.check(Double.NaN));
        assertMessage("alpha must be in [0, inf), got Infinity", () -> ALPHA.parse("Infinity"));
        assertMessage("alpha must be a real number in [0, inf), got 'abc'", () -> ALPHA.parse("abc"));
        assertMessage("max_depth must be an integer in [1, inf), got '2.5'", () -> DEPTH.parse("2.5"));
        assertMessage("max_depth must be in [1, inf), got 0", () -> DEPTH.parse("0"));
        assertMessage("active_set must be true or false, got 'yes'", () -> FLAG.parse("yes"));
        assertMessage("tree_method must be one of [hist, exact], got 'gpu'", () -> METHOD.parse("gpu"));
        assertMessage("seed must be a 64-bit integer, got ''", () -> SEED.parse(""));
        assertMessage(
                "max_depth must be in [1, inf), got 0",
                () -> Hyperparameter.integer("max_depth", 0, Interval.atLeast(1), "a default outside its rule"));
    }

    @Test
    void loggedTextParsesBackToTheSameValue() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int i = 0; i < 10_000; i++) {
            double a = Math.abs(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-12, 12)));
            assertEquals(a, ALPHA.parse(ALPHA.format(a)));
            long s = rnd.nextLong();
            assertEquals(s, SEED.parse(SEED.format(s)));
        }
        HyperparameterValues v =
                SPACE.parse(Map.of("alpha", "0.1", "max_depth", "3", "seed", "-5", "active_set", "FALSE"), "trainer t");
        assertEquals(v, SPACE.parse(v.asStrings(), "trainer t"));
        assertEquals(0.1, v.get(ALPHA));
        assertEquals(3, v.get(DEPTH));
        assertEquals(0.5, v.get(SHARE));
        assertEquals(-5L, v.get(SEED));
        assertFalse(v.get(FLAG));
        assertEquals("hist", v.get(METHOD));
    }

    @Test
    void aSpaceRejectsUnknownNamesAndSetsEveryValueOnce() {
        assertMessage(
                "trainer t has no hyperparameter 'alpah' (known: [active_set, alpha, max_depth, seed, subsample,"
                        + " tree_method])",
                () -> SPACE.parse(Map.of("alpah", "1"), "trainer t"));
        assertMessage(
                "trainer t: hyperparameter subsample must be in (0, 1), got 1.0",
                () -> SPACE.parse(Map.of("subsample", "1"), "trainer t"));
        assertMessage("hyperparameter 'alpha' is declared twice", () -> HyperparameterSpace.of(ALPHA, ALPHA));
        assertThrows(LatheException.class, () -> SPACE.builder().set(ALPHA, 1.0).build());
        Hyperparameter<Double> sameName = Hyperparameter.real("alpha", 1.0, Interval.atLeast(0), "another");
        assertThrows(LatheException.class, () -> SPACE.defaults().get(sameName));
        assertEquals(
                List.of("alpha", "max_depth", "subsample", "active_set", "tree_method"),
                SPACE.without(SEED).names());
    }

    @Test
    void searchRangesStayInsideTheRule() {
        assertEquals(1e-3, Tunable.logUniform(ALPHA, 1e-3, 10).low());
        assertMessage("alpha must be in [0, inf), got -1.0", () -> Tunable.uniform(ALPHA, -1, 1));
        assertMessage("log search range of alpha needs low > 0, got 0.0", () -> Tunable.logUniform(ALPHA, 0, 1));
        assertMessage("subsample must be in (0, 1), got 1.0", () -> Tunable.uniform(SHARE, 0.5, 1.0));
        assertMessage("max_depth must be in [1, inf), got 0", () -> Tunable.intRange(DEPTH, 1, 5)
                .withGrid(0, 2));
        assertMessage("max_depth must be an integer, got 2.0 (Double)", () -> Tunable.intRange(DEPTH, 1, 5)
                .withGrid(2.0));
    }

    private static void assertMessage(String expected, Executable action) {
        assertEquals(expected, assertThrows(LatheException.class, action).getMessage());
    }
}
