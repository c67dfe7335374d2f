package dev.lathe.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.InvalidParameterException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Folds against scikit-learn's {@code KFold}: its documented rule (contiguous folds, the first
 * {@code n % k} one row larger) and, shuffled, the permutations numpy's {@code RandomState(seed)}
 * draws (computed with numpy 2.4.6: {@code a = np.arange(n); np.random.RandomState(seed).shuffle(a)}).
 */
class KFoldTest {
    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void unshuffledFoldsAreScikitLearnsDocumentedExample() {
        // KFold(n_splits=2).split(4 rows): Fold 0 train [2 3] test [0 1]; Fold 1 train [0 1] test [2 3]
        List<Fold> folds = KFold.contiguous(2).split(4);
        assertArrayEquals(new int[] {0, 1}, folds.get(0).testRows());
        assertArrayEquals(new int[] {2, 3}, folds.get(0).trainRows());
        assertArrayEquals(new int[] {2, 3}, folds.get(1).testRows());
        assertArrayEquals(new int[] {0, 1}, folds.get(1).trainRows());
    }

    @Test
    void theFirstNModKFoldsHoldOneExtraRow() {
        List<Fold> folds = KFold.contiguous(3).split(10);
        assertArrayEquals(range(0, 4), folds.get(0).testRows());
        assertArrayEquals(range(4, 7), folds.get(1).testRows());
        assertArrayEquals(range(7, 10), folds.get(2).testRows());
        assertEquals(List.of(6, 7, 7), folds.stream().map(Fold::trainSize).toList());
        assertEquals(
                List.of(21, 21, 21, 20, 20),
                KFold.contiguous(5).split(103).stream().map(Fold::testSize).toList());
    }

    @Test
    void shuffledFoldsAreScikitLearnsForTheSameSeed() {
        // KFold(n_splits=5, shuffle=True, random_state=7) over 103 rows
        List<Fold> folds = KFold.shuffled(5, 7).split(103);
        assertArrayEquals(
                new int[] {11, 12, 13, 15, 18, 20, 22, 26, 30, 37, 43, 46, 51, 73, 78, 80, 88, 90, 94, 96, 102},
                folds.get(0).testRows());
        assertArrayEquals(
                new int[] {1, 3, 10, 16, 28, 29, 31, 35, 41, 49, 54, 58, 62, 76, 77, 79, 85, 86, 91, 98, 99},
                folds.get(2).testRows());
        assertArrayEquals(
                new int[] {0, 7, 8, 14, 23, 25, 39, 42, 44, 47, 48, 57, 67, 68, 72, 83, 89, 92, 97, 101},
                folds.get(4).testRows());
        // KFold(n_splits=10, shuffle=True, random_state=42) over 10 rows: one row per fold, in the
        // order of RandomState(42)'s permutation [8 1 5 0 7 2 9 4 3 6]
        int[] perm = {8, 1, 5, 0, 7, 2, 9, 4, 3, 6};
        List<Fold> single = KFold.shuffled(10, 42).split(10);
        for (int f = 0; f < 10; f++) {
            assertArrayEquals(new int[] {perm[f]}, single.get(f).testRows());
        }
    }

    @Test
    void seedsOutsideThirtyTwoBitsSeedNumpyFromTheirTwoHalves() {
        // np.random.RandomState(np.array([s & 0xffffffff, (s >> 32) & 0xffffffff], dtype=np.uint32)),
        // s = -1234567890123: permutation [8 2 3 6 0 4 5 1 9 7]
        int[] perm = {8, 2, 3, 6, 0, 4, 5, 1, 9, 7};
        List<Fold> folds = KFold.shuffled(10, -1234567890123L).split(10);
        for (int f = 0; f < 10; f++) {
            assertArrayEquals(new int[] {perm[f]}, folds.get(f).testRows());
        }
    }

    @Test
    void foldsPartitionTheRowsAndBadSettingsNameTheValue() {
        List<Fold> folds = KFold.shuffled(4, 3).split(50);
        int[] all = folds.stream()
                .flatMapToInt(f -> IntStream.of(f.testRows()))
                .sorted()
                .toArray();
        assertArrayEquals(range(0, 50), all);
        for (Fold f : folds) {
            assertEquals(50, f.trainSize() + f.testSize());
        }
        assertEquals(
                "k-fold needs k >= 2 folds, got 1",
                assertThrows(InvalidParameterException.class, () -> KFold.shuffled(1, 3))
                        .getMessage());
        assertEquals(
                "k-fold with k=5 needs at least 5 rows, got 3",
                assertThrows(InvalidParameterException.class, () -> KFold.contiguous(5)
                                .split(3))
                        .getMessage());
    }
}
