package dev.lathe.trainers.boosted;

import dev.lathe.core.data.SparseMatrix;
import java.util.Arrays;

/**
 * The rows a booster trains or evaluates on: the input rows, or, when the loss allows it, every group
 * of identical rows merged into one row whose weight is the group's size and whose label is the
 * group's mean.
 *
 * <p>With squared error the gradient of a row is {@code p - y} and its hessian 1, so a group of
 * {@code n} identical rows (same prediction {@code p} at every round) contributes {@code n (p - mean)}
 * and {@code n}: exactly what the merged row contributes. Histograms, split gains, leaf weights,
 * {@code min_child_weight} checks and the weighted quantile sketch see the same sums, so the trees are
 * the same up to float rounding of the sums. The booster does less work per round: categorical
 * one-hot data repeats rows a lot (the course's 2023 trips: 65,946 rows, 38,475 distinct).
 *
 * <p>XGBoost's weighted RMSE on merged rows leaves out the spread of the labels inside each group;
 * {@link #rmse} adds it back ({@code sqrt(rmse_w^2 + E/N)}, {@code E} the sum of squared deviations of
 * the float labels from their group's label). What remains is a cross term from rounding each group
 * mean to a float32 label, of the order of float32 precision (1e-7 relative): the precision XGBoost's
 * own float32 evaluation has anyway.
 */
final class BoosterRows {
    private final SparseMatrix features;
    private final float[] labels;
    private final float[] weights;
    private final int inputRows;
    private final double withinGroupSquares;

    private BoosterRows(
            SparseMatrix features, float[] labels, float[] weights, int inputRows, double withinGroupSquares) {
        this.features = features;
        this.labels = labels;
        this.weights = weights;
        this.inputRows = inputRows;
        this.withinGroupSquares = withinGroupSquares;
    }

    /** True when merging identical rows leaves training and RMSE unchanged for these params. */
    static boolean mergeable(XGBoostParams params) {
        return params.objective().equals("reg:squarederror")
                && params.evalMetric().equals("rmse")
                && params.subsample() == 1;
    }

    /** The rows as they are, one booster row per input row. */
    static BoosterRows asIs(SparseMatrix x, double[] y) {
        return new BoosterRows(x, floats(y), null, x.rows(), 0);
    }

    /** Identical rows (same columns, same float values) merged into weighted rows, in first-seen order. */
    static BoosterRows merged(SparseMatrix x, double[] y) {
        int[] group = new int[x.rows()];
        int groups = groupRows(x, group);
        if (groups == x.rows()) {
            return asIs(x, y);
        }
        int[] first = new int[groups];
        double[] sum = new double[groups];
        float[] weights = new float[groups];
        Arrays.fill(first, -1);
        for (int r = 0; r < x.rows(); r++) {
            int g = group[r];
            if (first[g] < 0) {
                first[g] = r;
            }
            sum[g] += (float) y[r];
            weights[g]++;
        }
        float[] labels = new float[groups];
        for (int g = 0; g < groups; g++) {
            labels[g] = (float) (sum[g] / weights[g]);
        }
        double within = 0;
        for (int r = 0; r < x.rows(); r++) {
            double d = (double) (float) y[r] - labels[group[r]];
            within += d * d;
        }
        return new BoosterRows(x.selectRows(first), labels, weights, x.rows(), within);
    }

    /**
     * Numbers rows by distinct content into {@code group} (first-seen order); returns the number of
     * groups. An open-addressing table of representative row indices: no object per row.
     */
    private static int groupRows(SparseMatrix x, int[] group) {
        int n = x.rows();
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slotRow = new int[capacity];
        Arrays.fill(slotRow, -1);
        int[] hash = new int[n];
        int groups = 0;
        for (int r = 0; r < n; r++) {
            hash[r] = hash(x, r);
            int slot = mix(hash[r]) & mask;
            while (true) {
                int other = slotRow[slot];
                if (other < 0) {
                    slotRow[slot] = r;
                    group[r] = groups++;
                    break;
                }
                if (hash[other] == hash[r] && sameRow(x, other, r)) {
                    group[r] = group[other];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return groups;
    }

    private static int hash(SparseMatrix x, int row) {
        int h = 1;
        for (int k = x.indptr()[row]; k < x.indptr()[row + 1]; k++) {
            h = 31 * h + x.indices()[k];
            h = 31 * h + Float.floatToIntBits((float) x.values()[k]);
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Same column indices and the same float values (as XGBoost stores them). */
    private static boolean sameRow(SparseMatrix x, int a, int b) {
        int[] ptr = x.indptr();
        int[] idx = x.indices();
        double[] v = x.values();
        if (ptr[a + 1] - ptr[a] != ptr[b + 1] - ptr[b]) {
            return false;
        }
        for (int i = ptr[a], j = ptr[b]; i < ptr[a + 1]; i++, j++) {
            if (idx[i] != idx[j] || Float.floatToIntBits((float) v[i]) != Float.floatToIntBits((float) v[j])) {
                return false;
            }
        }
        return true;
    }

    SparseMatrix features() {
        return features;
    }

    float[] labels() {
        return labels;
    }

    /** Row weights (group sizes), or null when every row is its own. */
    float[] weights() {
        return weights;
    }

    /** Rows the booster sees. */
    int rows() {
        return features.rows();
    }

    /** Rows of the input. */
    int inputRows() {
        return inputRows;
    }

    /** The RMSE over the input rows, from XGBoost's weighted RMSE over these rows. */
    double rmse(double weightedRmse) {
        return weights == null ? weightedRmse : Math.sqrt(weightedRmse * weightedRmse + withinGroupSquares / inputRows);
    }

    private static float[] floats(double[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) y[i];
        }
        return f;
    }
}
