package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.PayloadInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The input columns a booster actually sees. A column with fewer stored entries than
 * {@code min_child_weight} can never be split on when every row's hessian is at most 1 (squared
 * error, pseudo-Huber, logistic): the child holding its present rows always weighs less than the
 * minimum. Dropping such columns before boosting leaves every tree unchanged while the histogram
 * method stops paying for them at every node; on the one-hot PU_DO design that is half the columns
 * (a route seen once). Column subsampling would draw from a different set, so it disables the rule.
 */
final class ColumnSubset {
    /** Objectives whose per-row hessian never exceeds 1 (without sample weights). */
    private static final Set<String> UNIT_HESSIAN_OBJECTIVES =
            Set.of("reg:squarederror", "reg:pseudohubererror", "reg:logistic", "binary:logistic");

    private final int inputColumns;
    private final int[] kept;
    /** Booster column of each input column, -1 for dropped ones (derived once, used at every predict). */
    private final int[] boosterColumn;

    private ColumnSubset(int inputColumns, int[] kept) {
        this.inputColumns = inputColumns;
        this.kept = kept;
        this.boosterColumn = new int[inputColumns];
        Arrays.fill(boosterColumn, -1);
        for (int j = 0; j < kept.length; j++) {
            boosterColumn[kept[j]] = j;
        }
    }

    /** Every one of {@code n} columns. */
    static ColumnSubset all(int n) {
        int[] k = new int[n];
        for (int j = 0; j < n; j++) {
            k[j] = j;
        }
        return new ColumnSubset(n, k);
    }

    /** The columns of {@code x} that {@code params} could ever split on (all of them when the rule does not apply). */
    static ColumnSubset splittable(SparseMatrix x, XGBoostParams params) {
        boolean applies = UNIT_HESSIAN_OBJECTIVES.contains(params.objective())
                && params.colsampleBytree() == 1
                && params.colsampleBylevel() == 1
                && params.colsampleBynode() == 1;
        if (!applies) {
            return all(x.cols());
        }
        int[] count = new int[x.cols()];
        for (int j : x.indices()) {
            count[j]++;
        }
        int n = 0;
        int[] k = new int[x.cols()];
        for (int j = 0; j < count.length; j++) {
            if (count[j] >= params.minChildWeight() && count[j] > 0) {
                k[n++] = j;
            }
        }
        // Keep at least one column: XGBoost needs a feature to build a (single-leaf) tree on.
        if (n == 0 && x.cols() > 0) {
            return new ColumnSubset(x.cols(), new int[] {0});
        }
        return new ColumnSubset(x.cols(), Arrays.copyOf(k, n));
    }

    int inputColumns() {
        return inputColumns;
    }

    int size() {
        return kept.length;
    }

    boolean isAll() {
        return kept.length == inputColumns;
    }

    /** The input column behind booster feature {@code j}. */
    int inputColumn(int j) {
        return kept[j];
    }

    /** {@code x} restricted to the kept columns, renumbered 0..size-1 (x itself when all are kept). */
    SparseMatrix apply(SparseMatrix x) {
        LatheException.check(
                x.cols() == inputColumns,
                "xgboost: feature matrix has %d columns, the model was trained on %d",
                x.cols(),
                inputColumns);
        if (isAll()) {
            return x;
        }
        int[] map = boosterColumn;
        int[] ptr = x.indptr();
        int[] idx = x.indices();
        double[] val = x.values();
        int[] outPtr = new int[ptr.length];
        int nnz = 0;
        for (int k = 0; k < idx.length; k++) {
            if (map[idx[k]] >= 0) {
                nnz++;
            }
        }
        int[] outIdx = new int[nnz];
        double[] outVal = new double[nnz];
        int p = 0;
        for (int r = 0; r < x.rows(); r++) {
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                int m = map[idx[k]];
                if (m >= 0) {
                    outIdx[p] = m;
                    outVal[p++] = val[k];
                }
            }
            outPtr[r + 1] = p;
        }
        return new SparseMatrix(x.rows(), kept.length, outPtr, outIdx, outVal);
    }

    /** The names of the kept columns. */
    List<String> names(List<String> inputNames) {
        List<String> out = new ArrayList<>(kept.length);
        for (int j : kept) {
            out.add(inputNames.get(j));
        }
        return out;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(inputColumns);
        out.writeInt(kept.length);
        for (int j : kept) {
            out.writeInt(j);
        }
    }

    static ColumnSubset read(PayloadInput in) {
        // The input columns size a lookup table of n ints at predict time: bounded like the kept ones.
        int n = in.readCount("xgboost.column_subset.input_columns", Integer.BYTES);
        int size = in.readCount("xgboost.column_subset.kept_columns", Integer.BYTES);
        if (size > n) {
            throw in.error("xgboost.column_subset.kept_columns", "= " + size + " exceeds input_columns = " + n);
        }
        int[] k = new int[size];
        for (int j = 0; j < size; j++) {
            k[j] = in.readInt("xgboost.column_subset.index");
            if (k[j] < 0 || k[j] >= n || (j > 0 && k[j] <= k[j - 1])) {
                throw in.error(
                        "xgboost.column_subset.index", "= " + k[j] + " is out of order or outside [0, " + n + ")");
            }
        }
        return new ColumnSubset(n, k);
    }
}
