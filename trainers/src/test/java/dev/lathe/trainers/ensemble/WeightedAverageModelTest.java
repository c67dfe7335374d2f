package dev.lathe.trainers.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.trainers.linear.LinearModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedAverageModelTest {
    private static final double ARITH_TOL = 1e-12;

    private static LinearModel constant(double c) {
        Dataset d = new Dataset("d", SparseMatrix.fromDense(new double[][] {{1}}), new double[] {c}, List.of("x"));
        return new LinearModel(new double[] {0}, c, List.of("x"), ModelProvenance.of("const", Map.of(), d, Map.of()));
    }

    @Test
    void weightsAreNormalisedBySum() {
        // (1*2 + 3*10) / (1+3) = 8 for every row.
        WeightedAverageModel m = WeightedAverageModel.of(List.of(constant(2), constant(10)), new double[] {1, 3});
        double[] p = m.predict(SparseMatrix.fromDense(new double[][] {{5}, {7}}));
        assertArrayEquals(new double[] {8, 8}, p, ARITH_TOL);
    }

    @Test
    void zeroWeightMemberIsIgnored() {
        WeightedAverageModel m = WeightedAverageModel.of(List.of(constant(2), constant(10)), new double[] {0, 0.5});
        assertArrayEquals(new double[] {10}, m.predict(SparseMatrix.fromDense(new double[][] {{1}})), ARITH_TOL);
    }

    @Test
    void invalidWeightsAreRejected() {
        List<Model> two = List.of(constant(1), constant(2));
        assertEquals(
                "weighted average: weight 1 must be finite and >= 0, got -1.0",
                assertThrows(LatheException.class, () -> WeightedAverageModel.of(two, new double[] {1, -1}))
                        .getMessage());
        assertEquals(
                "weighted average: weights must sum to > 0, got 0.0",
                assertThrows(LatheException.class, () -> WeightedAverageModel.of(two, new double[] {0, 0}))
                        .getMessage());
        assertEquals(
                "weighted average: weight count (1) must equal member count (2)",
                assertThrows(LatheException.class, () -> WeightedAverageModel.of(two, new double[] {1}))
                        .getMessage());
    }

    @Test
    void roundTripsThroughTheCodecRegistry() {
        WeightedAverageModel m = WeightedAverageModel.of(List.of(constant(2), constant(10)), new double[] {1, 3});
        WeightedAverageModel back = (WeightedAverageModel) ModelIO.fromBytes(ModelIO.toBytes(m));
        assertArrayEquals(m.weights(), back.weights());
        assertEquals(LinearModel.KIND, back.members().get(1).kind());
        SparseMatrix x = SparseMatrix.fromDense(new double[][] {{3}});
        assertArrayEquals(m.predict(x), back.predict(x));
    }
}
