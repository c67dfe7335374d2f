package dev.lathe.trainers.linear;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;

/**
 * Ordinary least squares with an intercept on sparse features, by matrix-free Jacobi-preconditioned
 * CG on the centred normal equations; rank-deficient designs (one-hot categoricals) get the
 * minimum-norm coefficients, like scikit-learn's LinearRegression on sparse input.
 */
public final class OlsTrainer implements Trainer<LinearModel> {
    /** The trainer's name on the command line, in logged params and in provenance. */
    public static final String NAME = "ols";

    private final OlsParams params;

    public OlsTrainer(OlsParams params) {
        this.params = params;
    }

    public OlsParams params() {
        return params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return params.values().asStrings();
    }

    @Override
    public LinearModel fit(Dataset train, FitContext context) {
        FitRecorder recorder = FitRecorder.start(this, train, context);
        NormalEquationsSolver.Solution s;
        try {
            s = NormalEquationsSolver.solve(
                    train.features(), train.target(), 0.0, params.tolerance(), params.maxIterations());
        } catch (InvalidParameterException notConverged) {
            throw SolverFailure.explain(name(), train, notConverged);
        }
        return recorder.finish(s.coefficients(), s.intercept(), s.details());
    }
}
