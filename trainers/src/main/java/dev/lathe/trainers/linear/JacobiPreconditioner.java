package dev.lathe.trainers.linear;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;

/**
 * The inverse diagonal {@code M^-1 = diag(Xc^T Xc + alpha I)^-1} used to precondition conjugate
 * gradients: one-hot columns have wildly different counts, and scaling them to unit diagonal clusters
 * the spectrum so CG converges in a handful of iterations. Zero diagonal entries (empty or constant
 * columns, which the normal equations never touch) are left unscaled.
 */
final class JacobiPreconditioner extends RealLinearOperator {
    private final double[] inverseDiagonal;

    JacobiPreconditioner(double[] diagonal) {
        inverseDiagonal = new double[diagonal.length];
        for (int j = 0; j < diagonal.length; j++) {
            inverseDiagonal[j] = diagonal[j] > 0.0 ? 1.0 / diagonal[j] : 1.0;
        }
    }

    /** The diagonal of {@code Xc^T Xc + alpha I}. */
    static JacobiPreconditioner forGram(ColumnMoments moments, double alpha) {
        double[] d = moments.centredSquaredNorms().clone();
        for (int j = 0; j < d.length; j++) {
            d[j] += alpha;
        }
        return new JacobiPreconditioner(d);
    }

    @Override
    public int getRowDimension() {
        return inverseDiagonal.length;
    }

    @Override
    public int getColumnDimension() {
        return inverseDiagonal.length;
    }

    @Override
    public RealVector operate(RealVector v) {
        double[] out = new double[inverseDiagonal.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = inverseDiagonal[j] * v.getEntry(j);
        }
        return new ArrayRealVector(out, false);
    }

    /** {@code M^-1 v} on plain arrays. */
    double[] apply(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = inverseDiagonal[j] * v[j];
        }
        return out;
    }
}
