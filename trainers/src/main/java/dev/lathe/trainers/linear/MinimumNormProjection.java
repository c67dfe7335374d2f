package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;

/**
 * Projects a solution of the singular normal equations {@code A w = b} ({@code A = Xc^T Xc}) onto
 * {@code range(A) = range(Xc^T)}, which turns any solution into the minimum-Euclidean-norm one.
 *
 * <p>Why: Jacobi-preconditioned CG from zero converges to a solution in {@code D^-1 range(A)}, not the
 * pseudo-inverse solution, and the difference (a null-space vector, e.g. a constant added to every
 * one-hot column of a categorical) changes predictions for categories unseen in training. How: solve
 * the least-squares problem {@code min_s ||A D^-1 s - w||} with CGLS; its residual converges to the
 * null-space component of {@code w}, and {@code range(A D^-1) = range(A)}. With one-hot designs
 * {@code A D^-1} is a low-rank perturbation of a near-identity diagonal, so CGLS needs few iterations.
 */
final class MinimumNormProjection {
    /** The projected vector and what the projection cost. */
    record Result(double[] projected, int iterations, double relativeGradient) {}

    private final CenteredGramOperator gram;
    private final JacobiPreconditioner preconditioner;
    private final double tolerance;
    private final int maxIterations;

    MinimumNormProjection(
            CenteredGramOperator gram, JacobiPreconditioner preconditioner, double tolerance, int maxIterations) {
        this.gram = gram;
        this.preconditioner = preconditioner;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** {@code w} minus its component in the null space of {@code A}. */
    Result project(double[] w) {
        int p = w.length;
        double[] s = new double[p];
        double[] r = w.clone();
        double[] q = preconditioner.apply(gram.apply(r)); // B^T r = D^-1 A r
        double[] dir = q.clone();
        double gamma = dot(q, q);
        double gradient0 = Math.sqrt(gamma);
        if (gradient0 == 0.0) {
            return new Result(new double[p], 0, 0.0); // w lies entirely in the null space
        }
        int iteration = 0;
        double relative = 1.0;
        while (relative > tolerance) {
            LatheException.check(
                    iteration < maxIterations,
                    "minimum-norm projection did not converge within maxIter=%d iterations"
                            + " (relative gradient %.3e > tol %.3e)",
                    maxIterations,
                    relative,
                    tolerance);
            double[] t = gram.apply(preconditioner.apply(dir)); // B dir = A D^-1 dir
            double tt = dot(t, t);
            if (tt == 0.0) {
                break;
            }
            double step = gamma / tt;
            for (int j = 0; j < p; j++) {
                s[j] += step * dir[j];
                r[j] -= step * t[j];
            }
            q = preconditioner.apply(gram.apply(r));
            double gammaNext = dot(q, q);
            iteration++;
            relative = Math.sqrt(gammaNext) / gradient0;
            double beta = gammaNext / gamma;
            gamma = gammaNext;
            for (int j = 0; j < p; j++) {
                dir[j] = q[j] + beta * dir[j];
            }
        }
        double[] projected = new double[p];
        for (int j = 0; j < p; j++) {
            projected[j] = w[j] - r[j];
        }
        return new Result(projected, iteration, relative);
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
