package dev.lathe.testkit;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test-only iterative trainer: full-batch gradient descent on least squares, one step per round,
 * reporting training_rmse and validation_rmse per round and asking the listener whether to stop
 * (like the XGBoost trainer does), so pruning and autologging can be tested on a real fit.
 */
public final class GradientDescentTrainer implements Trainer<LinearTestModel> {
    private final double learningRate;
    private final int rounds;
    private final String failWith;

    public GradientDescentTrainer(double learningRate, int rounds) {
        this(learningRate, rounds, null);
    }

    /** A trainer that throws {@code failWith} from fit (when not null), to test failing trials. */
    public GradientDescentTrainer(double learningRate, int rounds, String failWith) {
        this.learningRate = learningRate;
        this.rounds = rounds;
        this.failWith = failWith;
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return new TreeMap<>(
                Map.of("learning_rate", Double.toString(learningRate), "rounds", Integer.toString(rounds)));
    }

    @Override
    public LinearTestModel fit(Dataset train, FitContext context) {
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        TrainingListener listener = context.listener();
        listener.fitStarted(this, train, context.validation());
        long start = System.nanoTime();
        int p = train.featureCount();
        double[][] x = train.features().toDense();
        double[] y = train.target();
        double[] w = new double[p];
        double b = 0;
        LinearTestModel model = new LinearTestModel(w.clone(), b, provenance(train));
        for (int round = 0; round < rounds; round++) {
            double[] gw = new double[p];
            double gb = 0;
            for (int i = 0; i < x.length; i++) {
                double err = b - y[i];
                for (int j = 0; j < p; j++) {
                    err += w[j] * x[i][j];
                }
                for (int j = 0; j < p; j++) {
                    gw[j] += err * x[i][j] / x.length;
                }
                gb += err / x.length;
            }
            for (int j = 0; j < p; j++) {
                w[j] -= learningRate * gw[j];
            }
            b -= learningRate * gb;
            model = new LinearTestModel(w.clone(), b, provenance(train));
            listener.metric("training_rmse", rmse(model, train), round);
            if (context.validation().isPresent()) {
                listener.metric(
                        "validation_rmse", rmse(model, context.validation().get()), round);
            }
            if (listener.shouldStop(round)) {
                break;
            }
        }
        listener.fitFinished(this, model, Duration.ofNanos(System.nanoTime() - start));
        return model;
    }

    private ModelProvenance provenance(Dataset train) {
        return ModelProvenance.of(name(), hyperparameters(), train, Map.of());
    }

    public static double rmse(LinearTestModel model, Dataset data) {
        double[] pred = model.predict(data.features());
        double ss = 0;
        for (int i = 0; i < pred.length; i++) {
            double e = pred[i] - data.target()[i];
            ss += e * e;
        }
        return Math.sqrt(ss / pred.length);
    }
}
