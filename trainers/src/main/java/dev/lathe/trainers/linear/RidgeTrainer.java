package dev.lathe.trainers.linear;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;

/**
 * Ridge regression {@code ||y - X w - b||^2 + alpha ||w||^2} with an unpenalised intercept on sparse
 * features, by matrix-free Jacobi-preconditioned CG on the centred normal equations.
 */
public final class RidgeTrainer implements Trainer<LinearModel> {
    /** The trainer's name on the command line, in logged params and in provenance. */
    public static final String NAME = "ridge";

    private final RidgeParams params;

    public RidgeTrainer(RidgeParams params) {
        this.params = params;
    }

    public RidgeParams params() {
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
                    train.features(), train.target(), params.alpha(), params.tolerance(), params.maxIterations());
        } catch (InvalidParameterException notConverged) {
            throw SolverFailure.explain(name(), train, notConverged);
        }
        return recorder.finish(s.coefficients(), s.intercept(), s.details());
    }
}
