package dev.lathe.trainers.linear;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.ConjugateGradient;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least squares with an unpenalised intercept, {@code min ||y - X w - b||^2 + alpha ||w||^2}, solved
 * as the centred normal equations {@code (Xc^T Xc + alpha I) w = Xc^T (y - mean(y))} by
 * Jacobi-preconditioned conjugate gradients (commons-math3), matrix-free. For {@code alpha = 0} the
 * result is projected onto {@code range(Xc^T)} so rank-deficient designs get the minimum-norm
 * coefficients (scikit-learn/lsqr's convention); the intercept is {@code mean(y) - mean(X) . w}.
 */
final class NormalEquationsSolver {
    /** Coefficients, intercept and the solver details recorded in provenance. */
    record Solution(double[] coefficients, double intercept, SortedMap<String, String> details) {}

    private NormalEquationsSolver() {}

    static Solution solve(SparseMatrix x, double[] y, double alpha, double tolerance, int maxIterations) {
        LatheException.check(x.rows() > 0, "least squares needs at least one training row, got 0");
        ColumnMoments moments = ColumnMoments.of(x);
        double yMean = ColumnMoments.mean(y);
        double[] yc = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yc[i] = y[i] - yMean;
        }
        CenteredGramOperator gram = new CenteredGramOperator(x, moments, alpha);
        JacobiPreconditioner preconditioner = JacobiPreconditioner.forGram(moments, alpha);
        double[] rhs = gram.centredTransposeTimes(yc);

        ConjugateGradient cg = new ConjugateGradient(maxIterations, tolerance, false);
        RealVector solution;
        try {
            solution = cg.solve(gram, preconditioner, new ArrayRealVector(rhs, false), new ArrayRealVector(rhs.length));
        } catch (MaxCountExceededException e) {
            throw new InvalidParameterException(
                    String.format(
                            Locale.ROOT,
                            "conjugate gradient did not reach relative residual tol=%.3e within maxIter=%d"
                                    + " iterations (%d columns, alpha=%s)",
                            tolerance,
                            maxIterations,
                            x.cols(),
                            alpha),
                    e);
        }
        int cgIterations = cg.getIterationManager().getIterations();
        double[] w = solution.toArray();

        SortedMap<String, String> details = new TreeMap<>();
        details.put("solver", "jacobi_pcg_normal_equations");
        details.put("tol", Double.toString(tolerance));
        details.put("iterations", Integer.toString(cgIterations));
        if (alpha == 0.0) {
            MinimumNormProjection.Result projected =
                    new MinimumNormProjection(gram, preconditioner, tolerance, maxIterations).project(w);
            w = projected.projected();
            details.put("min_norm_projection", "cgls_range_projection");
            details.put("projection_iterations", Integer.toString(projected.iterations()));
        }
        details.put("relative_residual", Double.toString(relativeResidual(gram, w, rhs)));
        double intercept = yMean - MinimumNormProjection.dot(moments.means(), w);
        return new Solution(w, intercept, details);
    }

    /** {@code ||rhs - A w|| / ||rhs||} (0 when the right-hand side is zero and so is the residual). */
    private static double relativeResidual(CenteredGramOperator gram, double[] w, double[] rhs) {
        double[] aw = gram.apply(w);
        double rr = 0.0;
        double bb = 0.0;
        for (int j = 0; j < rhs.length; j++) {
            double d = rhs[j] - aw[j];
            rr += d * d;
            bb += rhs[j] * rhs[j];
        }
        return bb == 0.0 ? Math.sqrt(rr) : Math.sqrt(rr / bb);
    }
}
