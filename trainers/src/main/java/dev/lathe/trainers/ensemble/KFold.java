package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import java.util.SplittableRandom;

/**
 * Seeded k-fold assignment: the rows are shuffled by a Fisher-Yates pass driven by the seed and the
 * shuffled order is cut into k contiguous folds whose sizes differ by at most one.
 */
public final class KFold {
    private KFold() {}

    /** {@code folds()[f]} holds the (ascending) row indices of fold {@code f}. */
    public static int[][] folds(int rows, int k, long seed) {
        LatheException.check(k >= 2, "k-fold needs k >= 2 folds, got %d", k);
        LatheException.check(rows >= k, "k-fold with k=%d needs at least %d rows, got %d", k, k, rows);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[][] folds = new int[k][];
        for (int f = 0; f < k; f++) {
            int from = (int) ((long) f * rows / k);
            int to = (int) ((long) (f + 1) * rows / k);
            folds[f] = java.util.Arrays.copyOfRange(order, from, to);
            java.util.Arrays.sort(folds[f]);
        }
        return folds;
    }

    /** Every row not in fold {@code f}, ascending. */
    public static int[] complement(int[][] folds, int f, int rows) {
        int[] out = new int[rows - folds[f].length];
        boolean[] held = new boolean[rows];
        for (int r : folds[f]) {
            held[r] = true;
        }
        int k = 0;
        for (int r = 0; r < rows; r++) {
            if (!held[r]) {
                out[k++] = r;
            }
        }
        return out;
    }
}
