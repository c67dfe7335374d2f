package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class XGBoostParamsTest {
    private static void assertRejected(UnaryOperator<XGBoostParams.Builder> change, String message) {
        LatheException e = assertThrows(LatheException.class, () -> change.apply(XGBoostParams.builder(10))
                .build());
        assertEquals(message, e.getMessage());
    }

    @Test
    void invalidValuesFailWithNameAndValue() {
        assertRejected(b -> b.learningRate(-0.1), "learning_rate must be in (0, 1], got -0.1");
        assertRejected(b -> b.maxDepth(-1), "max_depth must be in [0, inf), got -1");
        assertRejected(b -> b.subsample(0), "subsample must be in (0, 1], got 0.0");
        assertRejected(b -> b.subsample(1.5), "subsample must be in (0, 1], got 1.5");
        assertRejected(b -> b.colsampleBynode(0), "colsample_bynode must be in (0, 1], got 0.0");
        assertRejected(b -> b.regLambda(-1), "reg_lambda must be in [0, inf), got -1.0");
        assertRejected(b -> b.regAlpha(-2), "reg_alpha must be in [0, inf), got -2.0");
        assertRejected(b -> b.minChildWeight(-1), "min_child_weight must be in [0, inf), got -1.0");
        assertRejected(b -> b.gamma(-1), "gamma must be in [0, inf), got -1.0");
        assertRejected(b -> b.maxBin(1), "max_bin must be in [2, inf), got 1");
        assertRejected(b -> b.numParallelTree(0), "num_parallel_tree must be in [1, inf), got 0");
        assertRejected(b -> b.numBoostRounds(0), "num_boost_round must be in [1, inf), got 0");
        assertRejected(b -> b.earlyStoppingRounds(-1), "early_stopping_rounds must be in [0, inf), got -1");
        assertRejected(b -> b.nthread(0), "nthread must be in [1, inf), got 0");
        assertRejected(b -> b.objective(" "), "objective must be non-blank, got ' '");
        assertRejected(
                b -> b.treeMethod(TreeMethod.EXACT).colsampleBynode(0.5),
                "colsample_bynode must be 1 with tree_method exact (XGBoost does not support it), got 0.5");
    }

    @Test
    void defaultsFollowXGBoostAndTheMachine() {
        XGBoostParams p = XGBoostParams.builder(10).build();
        assertEquals(0.3, p.learningRate());
        assertEquals(6, p.maxDepth());
        assertEquals(TreeMethod.HIST, p.treeMethod());
        assertEquals("reg:squarederror", p.objective());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.nthread());
        assertEquals(0, p.boosterParams().get("verbosity"));
        assertEquals(p, p.toBuilder().build());
    }
}
