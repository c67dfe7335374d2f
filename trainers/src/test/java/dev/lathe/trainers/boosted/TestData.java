package dev.lathe.trainers.boosted;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Small synthetic regression datasets for trainer tests, generated from an explicit seed. */
public final class TestData {
    private TestData() {}

    /**
     * A taxi-like dataset: one numeric "distance" column plus a one-hot "zone" among {@code zones},
     * target = 2*distance + zone effect + gaussian noise of the given scale.
     */
    public static Dataset taxiLike(String name, int rows, int zones, double noise, long seed) {
        return taxiLike(name, rows, zones, noise, seed, rnd -> rnd.nextInt(zones));
    }

    /** As {@link #taxiLike(String, int, int, double, long)} with zones drawn by {@code zoneOf}. */
    public static Dataset taxiLike(
            String name, int rows, int zones, double noise, long seed, ToIntFunction<SplittableRandom> zoneOf) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ptr = new int[rows + 1];
        int[] idx = new int[rows * 2];
        double[] val = new double[rows * 2];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double distance = 0.1 + rnd.nextDouble() * 10;
            int zone = zoneOf.applyAsInt(rnd);
            idx[2 * i] = 0;
            val[2 * i] = distance;
            idx[2 * i + 1] = 1 + zone;
            val[2 * i + 1] = 1;
            ptr[i + 1] = 2 * (i + 1);
            y[i] = 2 * distance + Math.sin(zone) * 3 + noise * gaussian(rnd);
        }
        List<String> names = new ArrayList<>();
        names.add("distance");
        for (int z = 0; z < zones; z++) {
            names.add("zone=" + z);
        }
        return new Dataset(name, new SparseMatrix(rows, zones + 1, ptr, idx, val), y, names);
    }

    /** Dense data with an exact linear relation y = X w + b (no noise). */
    public static Dataset exactLinear(String name, int rows, double[] w, double b, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[rows][w.length];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = b;
            for (int j = 0; j < w.length; j++) {
                x[i][j] = rnd.nextDouble() * 4 - 2;
                s += w[j] * x[i][j];
            }
            y[i] = s;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            names.add("x" + j);
        }
        return new Dataset(name, SparseMatrix.fromDense(x), y, names);
    }

    public static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
