package dev.lathe.trainers.tribuo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;
import java.util.TreeMap;
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
        SortedMap<String, String> h = new TreeMap<>();
        h.put("type", params.type().name());
        h.put("cost", Double.toString(params.cost()));
        h.put("max_iter", Integer.toString(params.maxIterations()));
        h.put("tol", Double.toString(params.terminationCriterion()));
        h.put("epsilon", Double.toString(params.epsilon()));
        h.put("seed", Long.toString(params.seed()));
        return h;
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
