package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.CscMatrix;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.TrainingListener;
import java.util.Arrays;

/**
 * Cyclic coordinate descent for the elastic net on sparse columns, following scikit-learn's
 * {@code sparse_enet_coordinate_descent} (implicit centring by column means, stopping on the duality
 * gap) but in O(nnz of the column) per update: the centred residual is stored as a vector plus one
 * scalar offset, so the dense {@code mean_j * w_j} shift scikit-learn applies to every row becomes a
 * single addition. Holds the coefficients between solves, so consecutive solves warm-start.
 */
final class CoordinateDescentSolver {
    /** How a solve ended. */
    record Outcome(int epochs, int activeSweeps, double gap, double gapTolerance, boolean converged) {}

    /**
     * Cap on active-set sweeps between two full sweeps: enough to settle the non-zero coefficients,
     * small enough that an ill-conditioned active set cannot postpone the next full sweep and gap test.
     */
    private static final int ACTIVE_SWEEPS_PER_EPOCH = 50;

    /** Full sweeps between two duality-gap tests when steps never become small. */
    private static final int GAP_CHECK_PERIOD = 10;

    private final CscMatrix csc;
    private final ColumnMoments moments;
    private final double[] yc;
    private final double yMean;
    private final double[] w;
    /** The true centred residual is {@code stored[i] + offset}. */
    private final double[] stored;

    private double offset;
    private double storedSum;
    private double sweepMaxStep;
    private double sweepMaxWeight;

    CoordinateDescentSolver(SparseMatrix x, double[] y) {
        LatheException.check(x.rows() > 0, "coordinate descent needs at least one training row, got 0");
        this.csc = x.toCsc();
        this.moments = ColumnMoments.of(x);
        this.yMean = ColumnMoments.mean(y);
        this.yc = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yc[i] = y[i] - yMean;
        }
        this.w = new double[x.cols()];
        this.stored = new double[y.length];
        resetResidual();
    }

    /** A copy of the current coefficients. */
    double[] coefficients() {
        return w.clone();
    }

    /** {@code mean(y) - mean(X) . w}, the intercept of the current coefficients. */
    double intercept() {
        return yMean - MinimumNormProjection.dot(moments.means(), w);
    }

    /** {@code max_j |xc_j . yc| / n}: the smallest l1 penalty {@code alpha * l1Ratio} giving w = 0. */
    double maxCorrelation() {
        double[] c = centredCorrelations(yc, 0.0);
        double max = 0.0;
        for (double v : c) {
            max = Math.max(max, Math.abs(v));
        }
        return max / yc.length;
    }

    /** Runs coordinate descent from the current coefficients; reports "cd_gap" per gap evaluation. */
    Outcome solve(ElasticNetParams params, TrainingListener listener) {
        int n = yc.length;
        double l1 = params.alpha() * params.l1Ratio() * n;
        double l2 = params.alpha() * (1.0 - params.l1Ratio()) * n;
        double gapTolerance = params.tolerance() * MinimumNormProjection.dot(yc, yc);
        double stepTolerance = params.tolerance();
        int[] active = new int[w.length];
        int epoch = 0;
        int activeSweeps = 0;
        double gap;
        while (epoch < params.maxIterations()) {
            sweep(null, 0, l1, l2);
            epoch++;
            boolean small = sweepMaxWeight == 0.0 || sweepMaxStep / sweepMaxWeight < stepTolerance;
            // scikit-learn tests the gap only after a small step; we also test it after every full sweep
            // in active-set mode and every GAP_CHECK_PERIOD sweeps otherwise, because rounding can keep a
            // barely non-zero coefficient flickering (e.g. at alpha_max) so that steps never look small.
            boolean periodic = params.activeSet() || epoch % GAP_CHECK_PERIOD == 0;
            if (small || periodic || epoch == params.maxIterations()) {
                resetResidual();
                gap = DualityGap.compute(this, l1, l2);
                listener.metric("cd_gap", gap, epoch);
                if (gap < gapTolerance) {
                    return new Outcome(epoch, activeSweeps, gap, gapTolerance, true);
                }
            }
            if (listener.shouldStop(epoch)) {
                break;
            }
            if (params.activeSet()) {
                activeSweeps += sweepActiveSet(active, l1, l2, stepTolerance, ACTIVE_SWEEPS_PER_EPOCH);
            }
        }
        // Stopped by the iteration cap or a listener: report the gap of the coefficients as they are.
        resetResidual();
        gap = DualityGap.compute(this, l1, l2);
        return new Outcome(epoch, activeSweeps, gap, gapTolerance, gap < gapTolerance);
    }

    private int sweepActiveSet(int[] active, double l1, double l2, double stepTolerance, int maxSweeps) {
        int count = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0.0) {
                active[count++] = j;
            }
        }
        int sweeps = 0;
        while (count > 0 && sweeps < maxSweeps) {
            sweep(active, count, l1, l2);
            sweeps++;
            if (sweepMaxWeight == 0.0 || sweepMaxStep / sweepMaxWeight < stepTolerance) {
                break;
            }
        }
        return sweeps;
    }

    /** One cyclic pass over {@code coords[0..count)}, or over every column when {@code coords} is null. */
    private void sweep(int[] coords, int count, double l1, double l2) {
        sweepMaxStep = 0.0;
        sweepMaxWeight = 0.0;
        int total = coords == null ? w.length : count;
        for (int c = 0; c < total; c++) {
            update(coords == null ? c : coords[c], l1, l2);
        }
    }

    private void update(int j, double l1, double l2) {
        double norm = moments.centredSquaredNorms()[j];
        if (norm == 0.0) {
            return;
        }
        int[] colPtr = csc.colPtr();
        int[] rowIdx = csc.rowIndices();
        double[] vals = csc.values();
        int start = colPtr[j];
        int end = colPtr[j + 1];
        double dotStored = 0.0;
        for (int k = start; k < end; k++) {
            dotStored += vals[k] * stored[rowIdx[k]];
        }
        double residualSum = storedSum + offset * yc.length;
        double dot = dotStored + offset * moments.sums()[j] - moments.means()[j] * residualSum;
        double old = w[j];
        double tmp = dot + old * norm;
        double shrunk = Math.max(Math.abs(tmp) - l1, 0.0);
        double updated = shrunk == 0.0 ? 0.0 : Math.copySign(shrunk, tmp) / (norm + l2);
        if (updated != old) {
            double delta = updated - old;
            for (int k = start; k < end; k++) {
                stored[rowIdx[k]] -= delta * vals[k];
            }
            storedSum -= delta * moments.sums()[j];
            offset += delta * moments.means()[j];
            w[j] = updated;
        }
        sweepMaxStep = Math.max(sweepMaxStep, Math.abs(updated - old));
        sweepMaxWeight = Math.max(sweepMaxWeight, Math.abs(updated));
    }

    /** Recomputes the residual from the coefficients, removing drift from incremental updates. */
    private void resetResidual() {
        Arrays.fill(stored, 0.0);
        int[] colPtr = csc.colPtr();
        int[] rowIdx = csc.rowIndices();
        double[] vals = csc.values();
        for (int j = 0; j < w.length; j++) {
            double wj = w[j];
            if (wj == 0.0) {
                continue;
            }
            for (int k = colPtr[j]; k < colPtr[j + 1]; k++) {
                stored[rowIdx[k]] -= wj * vals[k];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < stored.length; i++) {
            stored[i] += yc[i];
            sum += stored[i];
        }
        storedSum = sum;
        offset = MinimumNormProjection.dot(moments.means(), w);
    }

    /** The true centred residual {@code yc - Xc w} as a new vector. */
    double[] residual() {
        double[] r = new double[stored.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = stored[i] + offset;
        }
        return r;
    }

    /** {@code Xc^T r - l2 w} for a full residual vector {@code r}. */
    double[] centredCorrelations(double[] r, double l2) {
        double total = 0.0;
        for (double v : r) {
            total += v;
        }
        int[] colPtr = csc.colPtr();
        int[] rowIdx = csc.rowIndices();
        double[] vals = csc.values();
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double s = 0.0;
            for (int k = colPtr[j]; k < colPtr[j + 1]; k++) {
                s += vals[k] * r[rowIdx[k]];
            }
            out[j] = s - moments.means()[j] * total - l2 * w[j];
        }
        return out;
    }

    double[] centredTarget() {
        return yc;
    }

    double[] weights() {
        return w;
    }
}
