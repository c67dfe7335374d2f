package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded uniform subsample of (x, y) points for a scatter plot, so that a 60 000-row validation set
 * draws as ~2000 dots; {@code population} is the number of points sampled from.
 */
public record ScatterSample(double[] x, double[] y, int population) {
    public ScatterSample {
        LatheException.check(x.length == y.length, "scatter sample x/y lengths differ: %d and %d", x.length, y.length);
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * Up to {@code maxPoints} points chosen without replacement by a partial Fisher-Yates shuffle seeded
     * with {@code seed}, kept in their original row order.
     */
    public static ScatterSample of(double[] x, double[] y, int maxPoints, long seed) {
        LatheException.check(maxPoints >= 1, "scatter maxPoints must be >= 1, got %d", maxPoints);
        int n = x.length;
        int k = Math.min(n, maxPoints);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, k);
        Arrays.sort(chosen);
        double[] sx = new double[k];
        double[] sy = new double[k];
        for (int i = 0; i < k; i++) {
            sx[i] = x[chosen[i]];
            sy[i] = y[chosen[i]];
        }
        return new ScatterSample(sx, sy, n);
    }
}
