package dev.lathe.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final double TOL = 1e-12;
    private static final double[][] X = {{1, 0, 2}, {0, 0, 3}, {4, 5, 0}};

    private static Dataset ds(double[][] x, double[] y) {
        return new Dataset("d", SparseMatrix.fromDense(x), y, List.of("a", "b", "c"));
    }

    @Test
    void digestIsStableAndSensitiveToEveryValue() {
        String d = ds(X, new double[] {1, 2, 3}).digest();
        assertEquals(d, ds(X, new double[] {1, 2, 3}).digest());
        assertNotEquals(d, ds(X, new double[] {1, 2, 3.0000001}).digest());
        assertNotEquals(
                d,
                ds(new double[][] {{1, 0, 2}, {0, 0, 3}, {4, 5, 1e-9}}, new double[] {1, 2, 3})
                        .digest());
        assertNotEquals(
                d,
                new Dataset("d", SparseMatrix.fromDense(X), new double[] {1, 2, 3}, List.of("a", "b", "x")).digest());
        assertEquals(64, d.length());
    }

    @Test
    void sparseProductsMatchDenseArithmetic() {
        SparseMatrix m = SparseMatrix.fromDense(X);
        assertArrayEquals(
                new double[] {1 + 2 * 3 + 0.5, 3 * 3 + 0.5, 4 + 5 * 2 + 0.5},
                m.multiply(new double[] {1, 2, 3}, 0.5),
                TOL);
        assertArrayEquals(new double[] {1 + 12, 15, 2 + 6}, m.transposeMultiply(new double[] {1, 2, 3}), TOL);
        CscMatrix c = m.toCsc();
        assertArrayEquals(new int[] {0, 2, 3, 5}, c.colPtr());
        assertArrayEquals(new int[] {0, 2, 2, 0, 1}, c.rowIndices());
        assertArrayEquals(
                new double[][] {{4, 5, 0}, {4, 5, 0}, {1, 0, 2}},
                m.selectRows(new int[] {2, 2, 0}).toDense());
    }

    @Test
    void shapesAreValidated() {
        LatheException e = assertThrows(LatheException.class, () -> ds(X, new double[] {1, 2}));
        assertEquals("dataset 'd': feature rows (3) must equal target length (2)", e.getMessage());
        assertThrows(
                LatheException.class,
                () -> new SparseMatrix(1, 2, new int[] {0, 2}, new int[] {1, 0}, new double[] {1, 1}));
    }
}
