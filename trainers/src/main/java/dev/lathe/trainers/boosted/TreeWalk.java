package dev.lathe.trainers.boosted;

import dev.lathe.core.data.SparseMatrix;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lathe's own walk of a booster's trees, read from XGBoost's UBJSON model, for predictions of a few rows
 * without a native call: each row starts at the base score and adds, in float as XGBoost does, the leaf
 * that every tree of the used rounds sends it to (left when the value is below the split condition, the
 * default side when it is missing). Squared-error regression trees with numeric splits only; {@link
 * #of} answers null for anything else, and the caller keeps XGBoost's own prediction.
 *
 * <p>Nodes are laid out in <em>default chains</em>: from a chain's first node, each next node is the
 * default child of the one before, down to a leaf. A row whose value is missing at a node therefore goes
 * to the next node in the array, and the walk scans a chain for the first node whose feature the row has,
 * instead of following a child link per level. One-hot rows miss almost every feature they are asked
 * about (96 % of the nodes the course model's rows visit, in paths of 30 levels), so the scan is most of
 * a walk.
 *
 * <p>A row with few values (at most {@link #SKIP_MAX_VALUES}) does not scan at all: {@link ChainSkips} gives,
 * from any node, the next node of its chain that tests one of the row's features, else the chain's leaf,
 * so the walk goes from decision to decision. Both ways reach the same leaves.
 */
final class TreeWalk {
    /** Rows with at most this many present values jump along chains by {@link ChainSkips}; wider rows scan. */
    static final int SKIP_MAX_VALUES = 8;

    private final float base;
    /** Each tree's root: the first node of its first chain. */
    private final int[] roots;
    /**
     * Each node's split feature; a leaf's is the sentinel column {@link #columns}, which every row has, so
     * that a chain's scan stops there.
     */
    private final int[] feature;
    /** Whether each node's default (missing) child is its left one. */
    private final boolean[] missingLeft;
    /** Each node's split condition; a leaf's value. */
    private final float[] condition;
    /** Each split node's other child (the one that is not its default), the first node of a chain. */
    private final int[] other;

    private final int columns;
    private final ChainSkips skips;

    private TreeWalk(Chains chains, float base, int[] roots, int columns) {
        this.base = base;
        this.roots = roots;
        this.feature = chains.feature;
        this.missingLeft = chains.missingLeft;
        this.condition = chains.condition;
        this.other = chains.other;
        this.columns = columns;
        this.skips = ChainSkips.of(feature, other, columns);
    }

    /**
     * The walk of the first {@code trees} trees (0: all) of a booster saved as UBJSON, as {@link
     * UbjsonCheck} reads it (already checked by {@link BoosterCheck}); null when unsupported.
     */
    static TreeWalk of(Object model, int trees, int columns) {
        Map<?, ?> learner = (Map<?, ?>) ((Map<?, ?>) model).get("learner");
        Object objective = ((Map<?, ?>) learner.get("objective")).get("name");
        Map<?, ?> booster = (Map<?, ?>) learner.get("gradient_booster");
        if (!"reg:squarederror".equals(objective) || !"gbtree".equals(booster.get("name"))) {
            return null;
        }
        List<?> all = (List<?>) ((Map<?, ?>) booster.get("model")).get("trees");
        int used = trees == 0 ? all.size() : Math.min(trees, all.size());
        int nodes = 0;
        for (int t = 0; t < used; t++) {
            Map<?, ?> tree = (Map<?, ?>) all.get(t);
            List<?> types = (List<?>) tree.get("split_type");
            for (int i = 0; i < types.size(); i++) {
                if (UbjsonCheck.Longs.of(types, i) != 0) {
                    return null; // a categorical split
                }
            }
            nodes += ((List<?>) tree.get("left_children")).size();
        }
        int[] roots = new int[used];
        Chains chains = new Chains(nodes, columns);
        for (int t = 0; t < used; t++) {
            roots[t] = chains.add((Map<?, ?>) all.get(t));
        }
        String baseText = String.valueOf(((Map<?, ?>) learner.get("learner_model_param")).get("base_score"))
                .replace("[", "")
                .replace("]", "");
        return new TreeWalk(chains, Float.parseFloat(baseText), roots, columns);
    }

    /** One prediction per row of {@code x} (booster columns), absent cells missing. */
    double[] predict(SparseMatrix x) {
        float[] row = new float[columns + 1];
        Arrays.fill(row, Float.NaN);
        row[columns] = 0; // the leaves' sentinel: present in every row
        int[] ptr = x.indptr();
        int[] idx = x.indices();
        double[] v = x.values();
        double[] out = new double[x.rows()];
        int[] cursors = new int[SKIP_MAX_VALUES];
        for (int r = 0; r < out.length; r++) {
            int present = 0;
            int[] stopA = null;
            int[] stopB = null;
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                row[idx[k]] = (float) v[k];
                if (v[k] == v[k] && present++ < SKIP_MAX_VALUES) {
                    int frequent = skips.frequentIndex(idx[k]);
                    if (frequent < 0) {
                        cursors[present - 1] = skips.start[idx[k]];
                    } else {
                        cursors[present - 1] = -1;
                        stopB = stopA;
                        stopA = skips.stops[frequent];
                    }
                }
            }
            float sum = base;
            if (present <= SKIP_MAX_VALUES) {
                int rare = compactRare(cursors, present);
                for (int root : roots) {
                    sum += condition[skipLeaf(root, row, stopA, stopB, cursors, rare)];
                }
            } else {
                for (int root : roots) {
                    sum += condition[leaf(root, row)];
                }
            }
            out[r] = sum;
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                row[idx[k]] = Float.NaN;
            }
        }
        return out;
    }

    /** Moves the rare features' cursors (not -1) to the front of the first {@code n}; returns how many. */
    private static int compactRare(int[] cursors, int n) {
        int rare = 0;
        for (int i = 0; i < n; i++) {
            if (cursors[i] >= 0) {
                cursors[rare++] = cursors[i];
            }
        }
        return rare;
    }

    /**
     * The leaf the tree at {@code n} sends {@code row} to, jumping to each next node that tests a present
     * feature: a frequent one's by its stop arrays ({@code stopA}, {@code stopB}, null when absent), the
     * others' by the first {@code rare} cursors into {@link ChainSkips#positions}, moved forward here.
     */
    private int skipLeaf(int n, float[] row, int[] stopA, int[] stopB, int[] cursors, int rare) {
        int[] positions = skips.positions;
        int[] leafOf = skips.leaf;
        while (true) {
            int stop = stopA == null ? leafOf[n] : stopA[n];
            if (stopB != null) {
                stop = Math.min(stop, stopB[n]);
            }
            for (int i = 0; i < rare; i++) {
                int c = cursors[i];
                while (positions[c] < n) {
                    c++;
                }
                cursors[i] = c;
                stop = Math.min(stop, positions[c]);
            }
            n = stop;
            int next = other[n];
            if (next < 0) {
                return n;
            }
            n = (row[feature[n]] < condition[n]) == missingLeft[n] ? n + 1 : next;
        }
    }

    /** The leaf the tree at {@code root} sends {@code row} to, scanning its chains. */
    private int leaf(int root, float[] row) {
        int[] f = feature;
        int n = root;
        while (true) {
            // missing values go to the next node in the chain: find the first of four the row has (NaN is
            // missing; a leaf's sentinel is always there, and padding keeps the last leaf's reads in bounds)
            float a = row[f[n]];
            float b = row[f[n + 1]];
            float c = row[f[n + 2]];
            float d = row[f[n + 3]];
            int present = (a == a ? 1 : 0) | (b == b ? 2 : 0) | (c == c ? 4 : 0) | (d == d ? 8 : 0);
            if (present == 0) {
                n += 4;
                continue;
            }
            n += Integer.numberOfTrailingZeros(present);
            float value = row[f[n]];
            int next = other[n];
            if (next < 0) {
                return n;
            }
            // present: the default child (next in the chain) when the condition sends the row that way
            n = (value < condition[n]) == missingLeft[n] ? n + 1 : next;
        }
    }

    /** Lays trees out in default chains, appending each tree's nodes after the ones before. */
    private static final class Chains {
        final int[] feature;
        final boolean[] missingLeft;
        final float[] condition;
        final int[] other;
        private final int sentinel;
        private int size;

        Chains(int nodes, int columns) {
            feature = new int[nodes + 3];
            Arrays.fill(feature, nodes, nodes + 3, columns); // read past the last leaf by the four-node scan
            missingLeft = new boolean[nodes];
            condition = new float[nodes];
            other = new int[nodes];
            sentinel = columns;
        }

        /** Appends a tree; returns its root's position. */
        int add(Map<?, ?> tree) {
            List<?> l = (List<?>) tree.get("left_children");
            List<?> r = (List<?>) tree.get("right_children");
            List<?> splits = (List<?>) tree.get("split_indices");
            List<?> conditions = (List<?>) tree.get("split_conditions");
            List<?> defaults = (List<?>) tree.get("default_left");
            int root = size;
            // chains still to lay out: their first node in the tree, and where the parent points to it
            ArrayDeque<int[]> pending = new ArrayDeque<>();
            pending.push(new int[] {0, -1});
            while (!pending.isEmpty()) {
                int[] start = pending.pop();
                if (start[1] >= 0) {
                    other[start[1]] = size;
                }
                int node = start[0];
                while (true) {
                    int at = size++;
                    condition[at] = (float) UbjsonCheck.Doubles.of(conditions, node);
                    int left = (int) UbjsonCheck.Longs.of(l, node);
                    if (left < 0) {
                        feature[at] = sentinel;
                        other[at] = -1;
                        break;
                    }
                    int right = (int) UbjsonCheck.Longs.of(r, node);
                    boolean toLeft =
                            defaults.get(node) instanceof Boolean b ? b : UbjsonCheck.Longs.of(defaults, node) != 0;
                    feature[at] = (int) UbjsonCheck.Longs.of(splits, node);
                    missingLeft[at] = toLeft;
                    pending.push(new int[] {toLeft ? right : left, at});
                    node = toLeft ? left : right;
                }
            }
            return root;
        }
    }
}
