package dev.lathe.trainers.tribuo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.regression.Regressor;

/**
 * The shared fit of every Tribuo-backed trainer: convert, train a freshly built Tribuo trainer (Tribuo
 * trainers count their invocations and reseed from that count, so one is built per fit to keep the
 * same seed giving the same model), wrap, report validation RMSE if a validation set is present.
 */
final class TribuoFit {
    private TribuoFit() {}

    static TribuoModel fit(
            Trainer<TribuoModel> owner,
            org.tribuo.Trainer<Regressor> tribuoTrainer,
            Dataset train,
            FitContext context) {
        TrainingListener listener = context.listener();
        listener.fitStarted(owner, train, context.validation());
        long start = System.nanoTime();
        org.tribuo.Model<Regressor> m = tribuoTrainer.train(TribuoData.toTribuo(train));
        Map<String, String> details = new TreeMap<>();
        details.put("tribuo_class", m.getClass().getName());
        TribuoModel model = new TribuoModel(
                m, train.featureNames(), ModelProvenance.of(owner.name(), owner.hyperparameters(), train, details));
        context.validation().ifPresent(v -> listener.metric("validation_rmse", rmse(model, v), 0));
        listener.fitFinished(owner, model, Duration.ofNanos(System.nanoTime() - start));
        return model;
    }

    private static double rmse(TribuoModel model, Dataset data) {
        double[] p = model.predict(data.features());
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - data.target()[i];
            s += d * d;
        }
        return Math.sqrt(s / p.length);
    }
}
