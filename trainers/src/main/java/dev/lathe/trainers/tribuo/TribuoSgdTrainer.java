package dev.lathe.trainers.tribuo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Tribuo's {@link LinearSGDTrainer} (squared loss, AdaGrad) as a Lathe trainer: a linear baseline. */
public final class TribuoSgdTrainer implements Trainer<TribuoModel> {
    private static final double ADAGRAD_EPSILON = 1e-6;

    private final SgdParams params;

    public TribuoSgdTrainer(SgdParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "tribuo_sgd";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return params.values().asStrings();
    }

    @Override
    public TribuoModel fit(Dataset train, FitContext context) {
        LinearSGDTrainer t = new LinearSGDTrainer(
                new SquaredLoss(),
                new AdaGrad(params.learningRate(), ADAGRAD_EPSILON),
                params.epochs(),
                -1,
                params.minibatchSize(),
                params.seed());
        return TribuoFit.fit(this, t, train, context);
    }
}
