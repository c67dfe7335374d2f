package dev.lathe.trainers.linear;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.Locale;

/**
 * Turns a least-squares solve that did not converge into an error a user can act on: the trainer and
 * dataset, the solver's own message, and the likely cause, i.e. the feature column whose extreme value
 * lies furthest above its typical one (the mean magnitude of its other values) (such a value makes the normal equations too ill-conditioned to
 * solve), with the filter that removes it.
 */
final class SolverFailure {
    /** An extreme this many times above a column's mean magnitude is named as the likely cause. */
    static final double EXTREME_RATIO = 1e6;

    private SolverFailure() {}

    static DataException explain(String trainer, Dataset train, LatheException notConverged) {
        SparseMatrix x = train.features();
        int p = x.cols();
        double[] max = new double[p];
        double[] sum = new double[p];
        long[] count = new long[p];
        int[] indices = x.indices();
        double[] values = x.values();
        for (int k = 0; k < x.nnz(); k++) {
            max[indices[k]] = Math.max(max[indices[k]], Math.abs(values[k]));
        }
        for (int k = 0; k < x.nnz(); k++) { // the typical magnitude: the mean of the others
            double a = Math.abs(values[k]);
            int j = indices[k];
            if (a < max[j]) {
                sum[j] += a;
                count[j]++;
            }
        }
        int worst = -1;
        double worstRatio = EXTREME_RATIO;
        for (int j = 0; j < p; j++) {
            double mean = count[j] == 0 ? 0 : sum[j] / count[j];
            double ratio = mean == 0 ? 0 : max[j] / mean;
            if (ratio > worstRatio) {
                worst = j;
                worstRatio = ratio;
            }
        }
        String cause;
        if (worst >= 0) {
            String column = train.featureNames().get(worst);
            cause = String.format(
                    Locale.ROOT,
                    "likely cause: column '%s' holds %s while its values are %s on average (%.1e times more),"
                            + " which makes the least-squares problem too ill-conditioned; remove such rows with a"
                            + " filter (e.g. '%s between LOW and HIGH')",
                    column,
                    max[worst],
                    sum[worst] / count[worst],
                    worstRatio,
                    column);
        } else {
            cause = "likely cause: features that are (nearly) collinear or of very different scales; try ridge with"
                    + " alpha > 0, or raise max_iter or tol";
        }
        return new DataException(
                trainer + " on " + train.name() + ": " + notConverged.getMessage() + "; " + cause, notConverged);
    }
}
