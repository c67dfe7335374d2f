package dev.lathe.trainers.linear;

/**
 * scikit-learn's elastic-net duality gap for the n-scaled objective {@code 0.5 ||r||^2 + l1 ||w||_1 +
 * 0.5 l2 ||w||^2} with {@code r = yc - Xc w}: the dual point is the residual rescaled into the dual
 * feasible set, so the gap bounds the primal suboptimality and is the solver's stopping rule.
 */
final class DualityGap {
    private DualityGap() {}

    static double compute(CoordinateDescentSolver solver, double l1, double l2) {
        double[] r = solver.residual();
        double[] w = solver.weights();
        double[] xta = solver.centredCorrelations(r, l2);
        double dualNorm = 0.0;
        for (double v : xta) {
            dualNorm = Math.max(dualNorm, Math.abs(v));
        }
        double rNorm2 = MinimumNormProjection.dot(r, r);
        double wNorm2 = MinimumNormProjection.dot(w, w);
        double constant;
        double gap;
        if (dualNorm > l1) {
            constant = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * constant * constant);
        } else {
            constant = 1.0;
            gap = rNorm2;
        }
        double l1Norm = 0.0;
        for (double v : w) {
            l1Norm += Math.abs(v);
        }
        gap += l1 * l1Norm
                - constant * MinimumNormProjection.dot(r, solver.centredTarget())
                + 0.5 * l2 * (1.0 + constant * constant) * wNorm2;
        return gap;
    }
}
