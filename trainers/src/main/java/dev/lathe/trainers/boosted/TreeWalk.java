package dev.lathe.trainers.boosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import java.io.IOException;
import java.util.Arrays;

/**
 * Lathe's own walk of a booster's trees, read from XGBoost's JSON model, for predictions of a few rows
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

    /** The booster saved as JSON, as a tree. */
    static JsonNode json(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new LatheException("cannot read the xgboost model's JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The walk of the first {@code trees} trees (0: all) of the booster {@code model} (its JSON, or its
     * UBJSON as {@link UbjsonTree} gives it); null when unsupported.
     */
    static TreeWalk of(JsonNode model, int trees, int columns) {
        JsonNode learner = model.path("learner");
        String objective = learner.path("objective").path("name").asText();
        JsonNode booster = learner.path("gradient_booster");
        if (!objective.equals("reg:squarederror")
                || !booster.path("name").asText().equals("gbtree")) {
            return null;
        }
        JsonNode all = booster.path("model").path("trees");
        int used = trees == 0 ? all.size() : Math.min(trees, all.size());
        int nodes = 0;
        for (int t = 0; t < used; t++) {
            JsonNode tree = all.get(t);
            for (JsonNode type : tree.path("split_type")) {
                if (type.asInt() != 0) {
                    return null; // a categorical split
                }
            }
            nodes += tree.path("left_children").size();
        }
        int[] roots = new int[used];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] condition = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        int offset = 0;
        for (int t = 0; t < used; t++) {
            JsonNode tree = all.get(t);
            JsonNode l = tree.path("left_children");
            roots[t] = offset;
            for (int i = 0; i < l.size(); i++) {
                int k = offset + i;
                int li = l.get(i).asInt();
                left[k] = li < 0 ? -1 : offset + li;
                int ri = tree.path("right_children").get(i).asInt();
                right[k] = ri < 0 ? -1 : offset + ri;
                feature[k] = tree.path("split_indices").get(i).asInt();
                condition[k] = (float) tree.path("split_conditions").get(i).asDouble();
                JsonNode d = tree.path("default_left").get(i);
                defaultLeft[k] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
            }
            offset += l.size();
        }
        String baseText = learner.path("learner_model_param")
                .path("base_score")
                .asText()
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
