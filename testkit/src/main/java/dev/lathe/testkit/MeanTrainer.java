package dev.lathe.testkit;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Test-only trainer that predicts the training target's mean for every row. */
public final class MeanTrainer implements Trainer<LinearTestModel> {
    @Override
    public String name() {
        return "mean";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return new TreeMap<>();
    }

    @Override
    public LinearTestModel fit(Dataset train, FitContext context) {
        double sum = 0;
        for (double y : train.target()) {
            sum += y;
        }
        double mean = sum / train.rows();
        return new LinearTestModel(
                new double[train.featureCount()],
                mean,
                ModelProvenance.of(name(), hyperparameters(), train, Map.of("mean", Double.toString(mean))));
    }
}
