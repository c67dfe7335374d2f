package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A least-squares solve that cannot converge on the data (one value 38 orders of magnitude above the
 * rest) is bad data named as such: the trainer, the column, its extreme and typical values, and the fix.
 */
class SolverFailureTest {
    private static Dataset outlier() {
        int n = 60;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double d = 0.5 + (i * 37 % 19) / 2.0;
            x[i] = new double[] {i % 3 == 0 ? 1 : 0, i % 3 == 1 ? 1 : 0, i % 3 == 2 ? 1 : 0, i == 4 ? 3e38 : d};
            y[i] = 3 + 2.5 * d + (i % 5) / 10.0;
        }
        return new Dataset("far", SparseMatrix.fromDense(x), y, List.of("zone=a", "zone=b", "zone=c", "dist"));
    }

    @Test
    void aDivergingOlsSolveNamesTheTrainerTheColumnAndTheLikelyCause() {
        DataException e = assertThrows(DataException.class, () -> new OlsTrainer(OlsParams.defaults()).fit(outlier()));
        String m = e.getMessage();
        assertEquals(ErrorCode.BAD_REQUEST, e.errorCode());
        assertTrue(m.startsWith("ols on far: "), m);
        assertTrue(m.contains("'dist'") && m.contains("3.0E38"), m);
        assertTrue(m.contains("likely cause") && m.contains("filter"), m);
    }
}
