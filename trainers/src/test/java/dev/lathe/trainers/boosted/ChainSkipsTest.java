package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The skips of two trees laid out by hand in default chains over 4 features (4 is the leaves' sentinel):
 * each node's chain leaf, the stop arrays of the two features split on most (each at more than an eighth
 * of the splits), and the positions of the others' splits.
 */
class ChainSkipsTest {
    // tree 0: 0[f0] -> 1[f1] -> 2[f0] -> 3 leaf; 1's other child 4[f2] -> 5 leaf; 0's other 6 leaf; 2's other 7
    // tree 1: 8[f3] -> 9[f0] -> 10 leaf; 8's other 11 leaf; 9's other 12 leaf
    private static final int[] FEATURE = {0, 1, 0, 4, 2, 4, 4, 4, 3, 0, 4, 4, 4};
    private static final int[] OTHER = {6, 4, 7, -1, 5, -1, -1, -1, 11, 12, -1, -1, -1};

    @Test
    void leavesStopsAndPositionsOfAHandLaidLayout() {
        ChainSkips skips = ChainSkips.of(FEATURE, OTHER, 4);
        assertArrayEquals(new int[] {3, 3, 3, 3, 5, 5, 6, 7, 10, 10, 10, 11, 12}, skips.leaf);
        // 6 splits: f0 has 3, f1 (first of the ties at 1) takes the second stop array
        assertArrayEquals(new int[] {0, 1}, skips.frequent);
        assertArrayEquals(new int[] {0, 2, 2, 3, 5, 5, 6, 7, 9, 9, 10, 11, 12}, skips.stops[0]);
        assertArrayEquals(new int[] {1, 1, 3, 3, 5, 5, 6, 7, 10, 10, 10, 11, 12}, skips.stops[1]);
        int max = Integer.MAX_VALUE;
        assertArrayEquals(new int[] {0, 1, 2, 4, 6}, skips.start);
        assertArrayEquals(new int[] {max, max, 4, max, 8, max}, skips.positions);
        assertEquals(1, skips.frequentIndex(1));
        assertEquals(-1, skips.frequentIndex(3));
    }

    @Test
    void onlyAFeatureSplitOnAtMoreThanAnEighthOfTheSplitsGetsAStopArray() {
        // one tree, a chain of 16 splits: f0 at 3 of them (3 x 8 > 16), f1 at 2 (2 x 8 = 16, not more), 11 others
        int[] feature = new int[17 + 16 + 3];
        int[] other = new int[feature.length];
        int[] splitFeature = {0, 1, 2, 3, 0, 4, 5, 1, 6, 7, 0, 8, 9, 10, 11, 12};
        for (int n = 0; n < 16; n++) {
            feature[n] = splitFeature[n];
            other[n] = 17 + n; // each split's other child: a leaf after the chain's
        }
        java.util.Arrays.fill(feature, 16, feature.length, 13);
        java.util.Arrays.fill(other, 16, other.length, -1);
        ChainSkips skips = ChainSkips.of(feature, java.util.Arrays.copyOf(other, 33), 13);
        assertArrayEquals(new int[] {0, -1}, skips.frequent);
        assertArrayEquals(
                new int[] {1, 7, Integer.MAX_VALUE},
                java.util.Arrays.copyOfRange(skips.positions, skips.start[1], skips.start[2]));
    }
}
