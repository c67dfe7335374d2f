package dev.lathe.trainers.tribuo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/** Tribuo's {@link LibLinearRegressionTrainer} as a Lathe trainer: a second linear baseline. */
public final class TribuoLibLinearTrainer implements Trainer<TribuoModel> {
    private final LibLinearParams params;

    public TribuoLibLinearTrainer(LibLinearParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "tribuo_liblinear";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return params.values().asStrings();
    }

    @Override
    public TribuoModel fit(Dataset train, FitContext context) {
        LibLinearRegressionTrainer t = new LibLinearRegressionTrainer(
                new LinearRegressionType(params.type()),
                params.cost(),
                params.maxIterations(),
                params.terminationCriterion(),
                params.epsilon(),
                params.seed());
        return TribuoFit.fit(this, t, train, context);
    }
}
