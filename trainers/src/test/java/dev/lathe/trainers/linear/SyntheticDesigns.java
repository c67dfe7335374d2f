package dev.lathe.trainers.linear;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded designs for the tests: dense Gaussian, and nested one-hot categoricals + a numeric. */
final class SyntheticDesigns {
    private SyntheticDesigns() {}

    /** n x p Gaussian design with sparse-ish entries (about a third zero) and a noisy linear target. */
    static Dataset gaussian(String name, int n, int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = rnd.nextDouble(-2.0, 2.0);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 3.0;
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextInt(3) == 0 ? 0.0 : gaussian(rnd);
                s += w[j] * x[i][j];
            }
            y[i] = s + 0.5 * gaussian(rnd);
        }
        return new Dataset(name, SparseMatrix.fromDense(x), y, names("x", p));
    }

    /**
     * One-hot columns of three nested categoricals PU (a levels), DO (b levels) and PU_DO (a*b levels,
     * only those that occur) plus a numeric "distance" column. The design is rank-deficient: each
     * categorical's columns sum to the all-ones vector, and PU_DO nests inside PU and DO.
     */
    static Dataset nestedOneHot(String name, int n, int a, int b, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = a + b + a * b + 1;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] effect = new double[p];
        for (int j = 0; j < p; j++) {
            effect[j] = rnd.nextDouble(-3.0, 3.0);
        }
        for (int i = 0; i < n; i++) {
            int pu = rnd.nextInt(a);
            int dol = rnd.nextInt(b);
            double dist = rnd.nextDouble(0.1, 10.0);
            x[i][pu] = 1.0;
            x[i][a + dol] = 1.0;
            x[i][a + b + pu * b + dol] = 1.0;
            x[i][p - 1] = dist;
            y[i] = 5.0 + effect[pu] + effect[a + dol] + effect[a + b + pu * b + dol] + 2.0 * dist + gaussian(rnd);
        }
        List<String> names = new ArrayList<>();
        names.addAll(names("PU", a));
        names.addAll(names("DO", b));
        names.addAll(names("PU_DO", a * b));
        names.add("distance");
        return new Dataset(name, SparseMatrix.fromDense(x), y, names);
    }

    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            names.add(String.format(java.util.Locale.ROOT, "%s=%03d", prefix, j));
        }
        return names;
    }

    static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2.0 * Math.PI * v);
    }

    static double[][] centred(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[][] c = new double[n][p];
        for (int j = 0; j < p; j++) {
            double m = 0.0;
            for (double[] row : x) {
                m += row[j];
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                c[i][j] = x[i][j] - m;
            }
        }
        return c;
    }

    static double rmse(double[] prediction, double[] target) {
        double s = 0.0;
        for (int i = 0; i < target.length; i++) {
            double d = prediction[i] - target[i];
            s += d * d;
        }
        return Math.sqrt(s / target.length);
    }
}
