package dev.lathe.evaluation.cv;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-fold splitting as scikit-learn's {@code KFold}: rows are (optionally) shuffled with the given seed,
 * then cut into {@code k} consecutive folds where the first {@code n % k} folds hold one extra row.
 * Each fold's test rows are the fold, its train rows are everything else; both sorted ascending.
 */
public record KFold(int k, boolean shuffle, long seed) {
    public KFold {
        LatheException.check(k >= 2, "k-fold needs k >= 2 folds, got %d", k);
    }

    /** A shuffled k-fold with an explicit seed. */
    public static KFold shuffled(int k, long seed) {
        return new KFold(k, true, seed);
    }

    /** The folds over {@code n} rows; {@code n} must be at least {@code k}. */
    public List<Fold> split(int n) {
        LatheException.check(n >= k, "k-fold with k=%d needs at least %d rows, got %d", k, k, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            int[] test = Arrays.copyOfRange(order, start, start + size);
            Arrays.sort(test);
            folds.add(new Fold(f, complement(test, n), test));
            start += size;
        }
        return List.copyOf(folds);
    }

    private static int[] complement(int[] sortedTest, int n) {
        int[] train = new int[n - sortedTest.length];
        int t = 0;
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (t < sortedTest.length && sortedTest[t] == i) {
                t++;
            } else {
                train[out++] = i;
            }
        }
        return train;
    }
}
