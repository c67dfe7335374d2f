package dev.lathe.trainers.linear;

import dev.lathe.core.data.SparseMatrix;

/**
 * Column sums, means and centred squared norms of a sparse design, computed in one pass over its
 * non-zeros. They let the solvers work with the centred matrix {@code Xc = X - 1 mean^T} (the
 * intercept-free problem) without ever forming it: sparse X stays sparse.
 */
final class ColumnMoments {
    private final int rows;
    private final double[] sums;
    private final double[] means;
    private final double[] centredSquaredNorms;

    private ColumnMoments(int rows, double[] sums, double[] means, double[] centredSquaredNorms) {
        this.rows = rows;
        this.sums = sums;
        this.means = means;
        this.centredSquaredNorms = centredSquaredNorms;
    }

    static ColumnMoments of(SparseMatrix x) {
        int p = x.cols();
        int n = x.rows();
        double[] sums = new double[p];
        double[] means = new double[p];
        double[] squares = new double[p];
        int[] idx = x.indices();
        double[] val = x.values();
        for (int k = 0; k < idx.length; k++) {
            sums[idx[k]] += val[k];
        }
        for (int j = 0; j < p; j++) {
            means[j] = n == 0 ? 0.0 : sums[j] / n;
        }
        // sum_i (x_ij - m_j)^2 = sum over stored entries of ((x - m)^2 - m^2) + n m^2, exact for zeros.
        double[] stored = new double[p];
        int[] storedCount = new int[p];
        for (int k = 0; k < idx.length; k++) {
            int j = idx[k];
            double d = val[k] - means[j];
            stored[j] += d * d;
            storedCount[j]++;
        }
        for (int j = 0; j < p; j++) {
            double zeros = n - storedCount[j];
            squares[j] = stored[j] + zeros * means[j] * means[j];
        }
        return new ColumnMoments(n, sums, means, squares);
    }

    int rows() {
        return rows;
    }

    int cols() {
        return means.length;
    }

    /** Column sums (X^T 1); shared, read-only. */
    double[] sums() {
        return sums;
    }

    /** Column means; shared, read-only. */
    double[] means() {
        return means;
    }

    /** {@code ||x_j - mean_j||^2}, the diagonal of {@code Xc^T Xc}; shared, read-only. */
    double[] centredSquaredNorms() {
        return centredSquaredNorms;
    }

    /** Mean of {@code y}. */
    static double mean(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += v;
        }
        return y.length == 0 ? 0.0 : s / y.length;
    }
}
