package dev.lathe.trainers.linear;

import dev.lathe.core.data.SparseMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;

/**
 * The operator {@code v -> Xc^T Xc v + alpha v} of the centred normal equations, applied matrix-free:
 * {@code Xc v = X v - 1 (mean . v)} and {@code Xc^T u = X^T u - mean (1 . u)}, so X is neither
 * densified nor centred, and each application is one pass over the rows of X (each row read twice
 * while in cache).
 */
final class CenteredGramOperator extends RealLinearOperator {
    private final SparseMatrix x;
    private final double[] means;
    private final double alpha;

    CenteredGramOperator(SparseMatrix x, ColumnMoments moments, double alpha) {
        this.x = x;
        this.means = moments.means();
        this.alpha = alpha;
    }

    @Override
    public int getRowDimension() {
        return x.cols();
    }

    @Override
    public int getColumnDimension() {
        return x.cols();
    }

    @Override
    public RealVector operate(RealVector v) {
        double[] w = v.toArray();
        return new ArrayRealVector(apply(w), false);
    }

    /**
     * {@code Xc^T Xc w + alpha w} on plain arrays, fused into one pass over the rows of X: each row's
     * centred product {@code t_i = x_i . w - mean . w} is scattered back while the row is in cache.
     */
    double[] apply(double[] w) {
        int[] indptr = x.indptr();
        int[] indices = x.indices();
        double[] values = x.values();
        double shift = 0.0;
        for (int j = 0; j < w.length; j++) {
            shift += means[j] * w[j];
        }
        double[] out = new double[w.length];
        double total = 0.0;
        for (int i = 0; i < x.rows(); i++) {
            int start = indptr[i];
            int end = indptr[i + 1];
            double t = -shift;
            for (int k = start; k < end; k++) {
                t += values[k] * w[indices[k]];
            }
            total += t;
            for (int k = start; k < end; k++) {
                out[indices[k]] += values[k] * t;
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] += alpha * w[j] - means[j] * total;
        }
        return out;
    }

    /** {@code Xc^T u = X^T u - mean (1 . u)}. */
    double[] centredTransposeTimes(double[] u) {
        double total = 0.0;
        for (double v : u) {
            total += v;
        }
        double[] out = x.transposeMultiply(u);
        for (int j = 0; j < out.length; j++) {
            out[j] -= means[j] * total;
        }
        return out;
    }
}
