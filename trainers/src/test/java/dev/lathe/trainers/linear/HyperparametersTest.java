package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hyperparameter records reject invalid values with messages that state the rule and the value. */
class HyperparametersTest {
    @Test
    void invalidValuesAreRejectedWithClearMessages() {
        assertMessage("alpha must be in [0, inf), got -1.0", () -> RidgeParams.of(-1.0));
        assertMessage("alpha must be in [0, inf), got NaN", () -> ElasticNetParams.lasso(Double.NaN));
        assertMessage(
                "alpha must be in [0, inf), got Infinity",
                () -> ElasticNetParams.builder(Double.POSITIVE_INFINITY, 0.5).build());
        assertMessage("l1_ratio must be in [0, 1], got 1.5", () -> ElasticNetParams.builder(0.1, 1.5)
                .build());
        assertMessage("l1_ratio must be in [0, 1], got -0.1", () -> ElasticNetParams.builder(0.1, -0.1)
                .build());
        assertMessage("l1_ratio must be in [0, 1], got NaN", () -> ElasticNetParams.builder(0.1, Double.NaN)
                .build());
        assertMessage("tol must be in (0, inf), got 0.0", () -> new OlsParams(0.0, 10));
        assertMessage("tol must be in (0, inf), got -1.0E-4", () -> new RidgeParams(1.0, -1e-4, 10));
        assertMessage(
                "tol must be in (0, inf), got NaN",
                () -> ElasticNetParams.builder(0.1, 0.5).tolerance(Double.NaN).build());
        assertMessage("max_iter must be in [1, inf), got 0", () -> new OlsParams(1e-6, 0));
        assertMessage(
                "max_iter must be in [1, inf), got -3",
                () -> ElasticNetParams.builder(0.1, 0.5).maxIterations(-3).build());
    }

    @Test
    void trainersExposeHyperparametersAsStrings() {
        ElasticNetTrainer enet = new ElasticNetTrainer(ElasticNetParams.builder(0.01, 0.5)
                .tolerance(1e-8)
                .maxIterations(500)
                .activeSet(false)
                .build());
        Map<String, String> expected = new TreeMap<>(
                Map.of("alpha", "0.01", "l1_ratio", "0.5", "tol", "1.0E-8", "max_iter", "500", "active_set", "false"));
        assertEquals(expected, enet.hyperparameters());
        assertEquals("elasticnet", enet.name());
        assertEquals("lasso", new ElasticNetTrainer(ElasticNetParams.lasso(0.1)).name());
        assertEquals(
                new TreeMap<>(Map.of("alpha", "2.5", "tol", "1.0E-10", "max_iter", "10000")),
                new RidgeTrainer(RidgeParams.of(2.5)).hyperparameters());
        assertEquals(
                new TreeMap<>(Map.of("tol", "1.0E-10", "max_iter", "10000")),
                new OlsTrainer(OlsParams.defaults()).hyperparameters());
    }

    private static void assertMessage(String expected, Executable action) {
        LatheException e = assertThrows(LatheException.class, action);
        assertEquals(expected, e.getMessage());
    }
}
