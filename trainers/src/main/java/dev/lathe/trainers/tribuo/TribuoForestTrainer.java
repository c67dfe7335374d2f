package dev.lathe.trainers.tribuo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Trainer;
import java.util.SortedMap;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * A Tribuo random forest (bootstrap-bagged CART regression trees with per-split feature subsampling,
 * predictions averaged) as a Lathe trainer. Meant for low-dimensional numeric features; for the wide
 * one-hot taxi matrix use the XGBoost forest.
 */
public final class TribuoForestTrainer implements Trainer<TribuoModel> {
    private final TribuoForestParams params;

    public TribuoForestTrainer(TribuoForestParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "tribuo_forest";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return params.values().asStrings();
    }

    @Override
    public TribuoModel fit(Dataset train, FitContext context) {
        CARTRegressionTrainer cart = new CARTRegressionTrainer(
                params.maxDepth(),
                params.minChildWeight(),
                0.0f,
                params.featureFraction(),
                false,
                new MeanSquaredError(),
                params.seed());
        RandomForestTrainer<org.tribuo.regression.Regressor> forest =
                new RandomForestTrainer<>(cart, new AveragingCombiner(), params.numTrees(), params.seed());
        return TribuoFit.fit(this, forest, train, context);
    }
}
