package dev.lathe.trainers.ensemble;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import java.util.SortedMap;

/**
 * A random forest grown by XGBoost (named {@value #NAME}): one round of {@link ForestParams#numTrees()}
 * parallel trees. It logs the forest's own hyperparameters, not the booster's it translates them to;
 * the result is an ordinary {@link XGBoostModel} (saves, loads, importance).
 */
public final class XGBoostForestTrainer implements Trainer<XGBoostModel> {
    /** The trainer's name on the command line, in logged params and in provenance. */
    public static final String NAME = "rf";

    private final ForestParams params;
    private final XGBoostTrainer delegate;

    public XGBoostForestTrainer(ForestParams params) {
        this.params = params;
        this.delegate = new XGBoostTrainer(params.toXGBoost())
                .reportingAs(NAME, params.values().asStrings());
    }

    @Override
    public int threads() {
        return delegate.threads();
    }

    public ForestParams params() {
        return params;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return delegate.hyperparameters();
    }

    @Override
    public XGBoostModel fit(Dataset train, FitContext context) {
        return delegate.fit(train, context);
    }
}
