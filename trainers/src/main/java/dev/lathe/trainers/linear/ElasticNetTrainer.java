package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lasso and elastic net with scikit-learn's objective and intercept handling, by coordinate descent over
 * sparse columns with a duality-gap stopping rule. Also fits warm-started regularisation paths.
 * Named "lasso" when {@code l1Ratio = 1}, "elasticnet" otherwise.
 */
public final class ElasticNetTrainer implements Trainer<LinearModel> {
    /** The name of the trainer with {@code l1_ratio = 1}. */
    public static final String LASSO = "lasso";

    /** The name of the trainer with {@code l1_ratio < 1}. */
    public static final String ELASTIC_NET = "elasticnet";

    private final ElasticNetParams params;

    public ElasticNetTrainer(ElasticNetParams params) {
        this.params = params;
    }

    public ElasticNetParams params() {
        return params;
    }

    @Override
    public String name() {
        return params.isLasso() ? LASSO : ELASTIC_NET;
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return params.values().asStrings();
    }

    @Override
    public LinearModel fit(Dataset train, FitContext context) {
        CoordinateDescentSolver solver = new CoordinateDescentSolver(train.features(), train.target());
        return fitWith(solver, train, context);
    }

    /**
     * Fits one model per penalty in {@code alphas} (in the given order, usually decreasing), each
     * warm-started from the previous coefficients; every model's provenance names its own alpha.
     */
    public RegularizationPath fitPath(Dataset train, double[] alphas, FitContext context) {
        LatheException.check(alphas.length > 0, "regularisation path needs at least one alpha, got 0");
        CoordinateDescentSolver solver = new CoordinateDescentSolver(train.features(), train.target());
        List<LinearModel> models = new ArrayList<>(alphas.length);
        for (double a : alphas) {
            ElasticNetTrainer step = new ElasticNetTrainer(params.withAlpha(a));
            models.add(step.fitWith(solver, train, context));
        }
        return new RegularizationPath(alphas, models);
    }

    /**
     * scikit-learn's {@code _alpha_grid}: {@code count} penalties log-spaced from {@code alphaMax} (the
     * smallest alpha with all coefficients zero) down to {@code eps * alphaMax}, decreasing.
     */
    public static double[] alphaGrid(Dataset train, double l1Ratio, int count, double eps) {
        ElasticNetParams.L1_RATIO.check(l1Ratio);
        LatheException.check(l1Ratio > 0.0, "alpha grid needs l1_ratio > 0, got %s", l1Ratio);
        LatheException.check(count >= 1, "alpha grid count must be >= 1, got %d", count);
        LatheException.check(eps > 0.0 && eps < 1.0, "alpha grid eps must be in (0, 1), got %s", eps);
        double max = new CoordinateDescentSolver(train.features(), train.target()).maxCorrelation() / l1Ratio;
        double[] grid = new double[count];
        if (max == 0.0) {
            return grid;
        }
        double logMax = Math.log10(max);
        double logMin = Math.log10(max * eps);
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0.0 : (double) k / (count - 1);
            grid[k] = Math.pow(10.0, logMax + t * (logMin - logMax));
        }
        return grid;
    }

    private LinearModel fitWith(CoordinateDescentSolver solver, Dataset train, FitContext context) {
        FitRecorder recorder = FitRecorder.start(this, train, context);
        CoordinateDescentSolver.Outcome outcome = solver.solve(params, recorder.listener());
        Map<String, String> details = new TreeMap<>();
        details.put("solver", params.activeSet() ? "coordinate_descent_active_set" : "coordinate_descent");
        details.put("tol", Double.toString(params.tolerance()));
        details.put("iterations", Integer.toString(outcome.epochs()));
        details.put("active_set_sweeps", Integer.toString(outcome.activeSweeps()));
        details.put("duality_gap", Double.toString(outcome.gap()));
        details.put("duality_gap_tolerance", Double.toString(outcome.gapTolerance()));
        details.put("converged", Boolean.toString(outcome.converged()));
        return recorder.finish(solver.coefficients(), solver.intercept(), details);
    }
}
