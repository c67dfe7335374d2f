package dev.lathe.core.data;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * K-fold splitting as scikit-learn's {@code KFold(n_splits=k, shuffle, random_state=seed)}: the row
 * indices, shuffled when asked with numpy's {@code RandomState(seed)}, are cut into {@code k}
 * consecutive folds where the first {@code n % k} folds hold one extra row. Each fold tests on its rows
 * and trains on all the others (both ascending). The one k-fold of cross-validation, stacking and
 * searches; seeds are passed explicitly.
 */
public record KFold(int k, boolean shuffle, long seed) {
    public KFold {
        LatheException.check(k >= 2, "k-fold needs k >= 2 folds, got %d", k);
    }

    /** Contiguous folds in row order, as {@code KFold(n_splits=k)} (no shuffle, so no seed). */
    public static KFold contiguous(int k) {
        return new KFold(k, false, 0);
    }

    /** Folds of rows shuffled with {@code seed}, as {@code KFold(n_splits=k, shuffle=True, random_state=seed)}. */
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
            Mt19937.of(seed).shuffle(order);
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
