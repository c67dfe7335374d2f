package dev.lathe.trainers.boosted;

import dev.lathe.core.data.SparseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lathe's own walk of a booster's trees, read from XGBoost's UBJSON model, for predictions of a few rows
 * without a native call: each row starts at the base score and adds, in float as XGBoost does, the leaf
 * that every tree of the used rounds sends it to (left when the value is below the split condition, the
 * default side when it is missing). Squared-error regression trees with numeric splits only; {@link
 * #of} answers null for anything else, and the caller keeps XGBoost's own prediction.
 */
final class TreeWalk {
    private final float base;
    private final int[] roots;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final float[] condition;
    private final boolean[] defaultLeft;
    private final int columns;

    private TreeWalk(
            float base,
            int[] roots,
            int[] left,
            int[] right,
            int[] feature,
            float[] condition,
            boolean[] defaultLeft,
            int columns) {
        this.base = base;
        this.roots = roots;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.condition = condition;
        this.defaultLeft = defaultLeft;
        this.columns = columns;
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
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] condition = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        int offset = 0;
        for (int t = 0; t < used; t++) {
            Map<?, ?> tree = (Map<?, ?>) all.get(t);
            List<?> l = (List<?>) tree.get("left_children");
            List<?> r = (List<?>) tree.get("right_children");
            List<?> splits = (List<?>) tree.get("split_indices");
            List<?> conditions = (List<?>) tree.get("split_conditions");
            List<?> defaults = (List<?>) tree.get("default_left");
            roots[t] = offset;
            for (int i = 0; i < l.size(); i++) {
                int k = offset + i;
                int li = (int) UbjsonCheck.Longs.of(l, i);
                left[k] = li < 0 ? -1 : offset + li;
                int ri = (int) UbjsonCheck.Longs.of(r, i);
                right[k] = ri < 0 ? -1 : offset + ri;
                feature[k] = (int) UbjsonCheck.Longs.of(splits, i);
                condition[k] = (float) UbjsonCheck.Doubles.of(conditions, i);
                defaultLeft[k] = defaults.get(i) instanceof Boolean b ? b : UbjsonCheck.Longs.of(defaults, i) != 0;
            }
            offset += l.size();
        }
        String baseText = String.valueOf(((Map<?, ?>) learner.get("learner_model_param")).get("base_score"))
                .replace("[", "")
                .replace("]", "");
        return new TreeWalk(Float.parseFloat(baseText), roots, left, right, feature, condition, defaultLeft, columns);
    }

    /** One prediction per row of {@code x} (booster columns), absent cells missing. */
    double[] predict(SparseMatrix x) {
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        int[] ptr = x.indptr();
        int[] idx = x.indices();
        double[] v = x.values();
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                row[idx[k]] = (float) v[k];
            }
            float sum = base;
            for (int root : roots) {
                sum += leaf(root, row);
            }
            out[r] = sum;
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                row[idx[k]] = Float.NaN;
            }
        }
        return out;
    }

    private float leaf(int node, float[] row) {
        int n = node;
        while (left[n] >= 0) {
            float value = row[feature[n]];
            if (Float.isNaN(value)) {
                n = defaultLeft[n] ? left[n] : right[n];
            } else {
                n = value < condition[n] ? left[n] : right[n];
            }
        }
        return condition[n];
    }
}
