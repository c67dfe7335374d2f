package dev.lathe.testkit;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic regression data for tests: y = 3 + 2 x0 - x1 + 0.5 x2 + gaussian noise. */
public final class SyntheticData {
    private SyntheticData() {}

    public static Dataset linear(String name, int rows, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[rows][3];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble() * 10;
            }
            y[i] = 3 + 2 * x[i][0] - x[i][1] + 0.5 * x[i][2] + noise * gaussian(rng);
        }
        return new Dataset(name, SparseMatrix.fromDense(x), y, List.of("x0", "x1", "x2"));
    }

    /** A standard normal draw (Box-Muller). */
    public static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
