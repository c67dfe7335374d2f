package dev.lathe.trainers.boosted;

import java.util.Arrays;

/**
 * Where, from any node of a {@link TreeWalk}'s default chains, the next node is that a sparse row cannot
 * pass by default: the chain's leaf, or a node testing a feature the row has. With it a walk jumps from
 * decision to decision instead of scanning every node its row misses: the course model's rows visit 31
 * nodes a tree and decide at 0.6 of them.
 *
 * <p>Features split on at many nodes (the course model's trip distance: 70 % of its splits) get a
 * <em>stop</em> array: for each node, the first node at or after it in its chain that tests the feature,
 * else the chain's leaf. Every other feature gets the positions of the nodes that test it, in layout
 * order, ended by {@link Integer#MAX_VALUE}; a row keeps one cursor per such feature, which only moves
 * forward, since a walk's positions only grow, tree after tree.
 */
final class ChainSkips {
    /** At most this many features get a stop array (each costs an int per node). */
    static final int FREQUENT_MAX = 2;
    /** A feature split on at more than this share of the split nodes gets a stop array. */
    private static final int FREQUENT_SHARE = 8;

    /** Each node's chain's leaf: the node itself for a leaf. */
    final int[] leaf;
    /** The features with stop arrays, in {@link #stops}' order; -1 past the last one. */
    final int[] frequent;
    /** For each frequent feature, each node's first node at or after it in its chain testing it, else the leaf. */
    final int[][] stops;
    /** Each feature's segment start in {@link #positions} (frequent features: an empty segment). */
    final int[] start;
    /** The split nodes testing each infrequent feature, in layout order, each feature's ended by MAX_VALUE. */
    final int[] positions;

    private ChainSkips(int[] leaf, int[] frequent, int[][] stops, int[] start, int[] positions) {
        this.leaf = leaf;
        this.frequent = frequent;
        this.stops = stops;
        this.start = start;
        this.positions = positions;
    }

    /**
     * The skips of nodes laid out in default chains: {@code feature[n]} is a split's feature ({@code columns}
     * for a leaf), {@code other[n] < 0} marks a leaf, and a split's default child is {@code n + 1}.
     */
    static ChainSkips of(int[] feature, int[] other, int columns) {
        int nodes = other.length;
        int[] leaf = new int[nodes];
        int[] splitsOn = new int[columns];
        int splits = 0;
        for (int n = nodes - 1; n >= 0; n--) {
            boolean isLeaf = other[n] < 0;
            leaf[n] = isLeaf ? n : leaf[n + 1];
            if (!isLeaf) {
                splitsOn[feature[n]]++;
                splits++;
            }
        }
        int[] frequent = mostSplitOn(splitsOn, splits);
        int[][] stops = new int[FREQUENT_MAX][];
        for (int k = 0; k < FREQUENT_MAX && frequent[k] >= 0; k++) {
            int[] stop = new int[nodes];
            for (int n = nodes - 1; n >= 0; n--) {
                stop[n] = other[n] < 0 || feature[n] == frequent[k] ? n : stop[n + 1];
            }
            stops[k] = stop;
            splitsOn[frequent[k]] = 0;
        }
        int[] start = new int[columns + 1];
        for (int c = 0; c < columns; c++) {
            start[c + 1] = start[c] + splitsOn[c] + 1; // + its MAX_VALUE end
        }
        int[] positions = new int[start[columns]];
        int[] fill = Arrays.copyOf(start, columns);
        for (int n = 0; n < nodes; n++) {
            if (other[n] >= 0 && splitsOn[feature[n]] > 0) {
                positions[fill[feature[n]]++] = n;
            }
        }
        for (int c = 0; c < columns; c++) {
            positions[fill[c]] = Integer.MAX_VALUE;
        }
        return new ChainSkips(leaf, frequent, stops, start, positions);
    }

    /** Up to {@link #FREQUENT_MAX} features split on at more than 1/{@link #FREQUENT_SHARE} of the splits. */
    private static int[] mostSplitOn(int[] splitsOn, int splits) {
        int[] frequent = new int[FREQUENT_MAX];
        Arrays.fill(frequent, -1);
        int[] left = splitsOn.clone();
        for (int k = 0; k < FREQUENT_MAX && left.length > 0; k++) {
            int best = 0;
            for (int c = 1; c < left.length; c++) {
                best = left[c] > left[best] ? c : best;
            }
            if ((long) left[best] * FREQUENT_SHARE <= splits) {
                break;
            }
            frequent[k] = best;
            left[best] = 0;
        }
        return frequent;
    }

    /** Which of {@link #frequent} {@code feature} is, or -1. */
    int frequentIndex(int feature) {
        for (int k = 0; k < FREQUENT_MAX; k++) {
            if (frequent[k] == feature) {
                return k;
            }
        }
        return -1;
    }
}
