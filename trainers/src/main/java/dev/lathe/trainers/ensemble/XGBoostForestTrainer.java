package dev.lathe.trainers.ensemble;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import dev.lathe.trainers.boosted.XGBoostModel;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A random forest grown by XGBoost ("xgboost_rf"): one round of {@link ForestParams#numTrees()}
 * parallel trees. The result is an ordinary {@link XGBoostModel} (saves, loads, importance).
 */
public final class XGBoostForestTrainer implements Trainer<XGBoostModel> {
    private final ForestParams params;
    private final XGBoostTrainer delegate;

    public XGBoostForestTrainer(ForestParams params) {
        this.params = params;
        this.delegate = new XGBoostTrainer("xgboost_rf", params.toXGBoost());
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
        SortedMap<String, String> h = new TreeMap<>(delegate.hyperparameters());
        h.put("num_trees", Integer.toString(params.numTrees()));
        return h;
    }

    @Override
    public XGBoostModel fit(Dataset train, FitContext context) {
        return delegate.fit(train, context);
    }
}
