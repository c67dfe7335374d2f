package dev.lathe.core.data;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form: row {@code i} holds the entries
 * {@code indices[indptr[i] .. indptr[i+1])} with their {@code values}; column indices are sorted
 * within a row. This is the feature matrix of a {@link Dataset}.
 */
public final class SparseMatrix {
    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final double[] values;

    /** Wraps CSR arrays (not copied: callers hand over ownership) after validating their shape. */
    public SparseMatrix(int rows, int cols, int[] indptr, int[] indices, double[] values) {
        LatheException.check(rows >= 0 && cols >= 0, "matrix shape must be non-negative, got %dx%d", rows, cols);
        LatheException.check(
                indptr.length == rows + 1, "indptr length must be rows+1=%d, got %d", rows + 1, indptr.length);
        LatheException.check(
                indices.length == values.length,
                "indices and values must have the same length, got %d and %d",
                indices.length,
                values.length);
        LatheException.check(
                indptr[0] == 0 && indptr[rows] == indices.length,
                "indptr must start at 0 and end at nnz=%d, got %d..%d",
                indices.length,
                indptr[0],
                indptr[rows]);
        // plain tests, not check(...): its varargs would box three numbers per stored entry
        for (int i = 0; i < rows; i++) {
            if (indptr[i] > indptr[i + 1]) {
                throw new InvalidParameterException("indptr must be non-decreasing at row " + i);
            }
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int c = indices[k];
                if (c < 0 || c >= cols) {
                    throw new InvalidParameterException(
                            "column index " + c + " out of range [0," + cols + ") in row " + i);
                }
                if (k > indptr[i] && indices[k - 1] >= c) {
                    throw new InvalidParameterException("column indices must be strictly increasing in row " + i);
                }
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.values = values;
    }

    /** Builds a CSR matrix from a dense row-major array (for tests and small inputs). */
    public static SparseMatrix fromDense(double[][] dense) {
        int r = dense.length;
        int c = r == 0 ? 0 : dense[0].length;
        int[] ptr = new int[r + 1];
        int nnz = 0;
        for (double[] row : dense) {
            LatheException.check(row.length == c, "ragged dense matrix: expected %d columns, got %d", c, row.length);
            for (double v : row) {
                if (v != 0.0) {
                    nnz++;
                }
            }
        }
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        int k = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (dense[i][j] != 0.0) {
                    idx[k] = j;
                    val[k++] = dense[i][j];
                }
            }
            ptr[i + 1] = k;
        }
        return new SparseMatrix(r, c, ptr, idx, val);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nnz() {
        return indices.length;
    }

    /** Row pointers (length rows+1); read-only by contract. */
    public int[] indptr() {
        return indptr;
    }

    /** Column index of each stored entry; read-only by contract. */
    public int[] indices() {
        return indices;
    }

    /** Value of each stored entry; read-only by contract. */
    public double[] values() {
        return values;
    }

    /** y = X w (+ intercept). */
    public double[] multiply(double[] w, double intercept) {
        LatheException.check(w.length == cols, "vector length must equal columns=%d, got %d", cols, w.length);
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = intercept;
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                s += values[k] * w[indices[k]];
            }
            y[i] = s;
        }
        return y;
    }

    /** X^T v. */
    public double[] transposeMultiply(double[] v) {
        LatheException.check(v.length == rows, "vector length must equal rows=%d, got %d", rows, v.length);
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            double vi = v[i];
            if (vi == 0.0) {
                continue;
            }
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                out[indices[k]] += values[k] * vi;
            }
        }
        return out;
    }

    /** The rows at {@code rowIndices}, in that order (repeats allowed, as for a bootstrap sample). */
    public SparseMatrix selectRows(int[] rowIndices) {
        int[] ptr = new int[rowIndices.length + 1];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            LatheException.check(r >= 0 && r < rows, "row index %d out of range [0,%d)", r, rows);
            ptr[i + 1] = ptr[i] + indptr[r + 1] - indptr[r];
        }
        int[] idx = new int[ptr[rowIndices.length]];
        double[] val = new double[idx.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            int len = indptr[r + 1] - indptr[r];
            System.arraycopy(indices, indptr[r], idx, ptr[i], len);
            System.arraycopy(values, indptr[r], val, ptr[i], len);
        }
        return new SparseMatrix(rowIndices.length, cols, ptr, idx, val);
    }

    /** The same matrix in compressed sparse column form, for column-wise solvers. */
    public CscMatrix toCsc() {
        int[] colPtr = new int[cols + 1];
        for (int c : indices) {
            colPtr[c + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = Arrays.copyOf(colPtr, cols);
        int[] rowIdx = new int[indices.length];
        double[] val = new double[indices.length];
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int dst = next[indices[k]]++;
                rowIdx[dst] = i;
                val[dst] = values[k];
            }
        }
        return new CscMatrix(rows, cols, colPtr, rowIdx, val);
    }

    /** Dense copy, row-major (for tests and small problems only). */
    public double[][] toDense() {
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                d[i][indices[k]] = values[k];
            }
        }
        return d;
    }
}
