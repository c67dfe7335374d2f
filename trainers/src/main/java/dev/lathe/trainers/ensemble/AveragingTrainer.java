package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fits several trainers on the same data and averages their predictions with fixed weights (a
 * blending ensemble, e.g. a forest and a ridge whose errors are partly independent).
 */
public final class AveragingTrainer implements Trainer<WeightedAverageModel> {
    /** Each member's weight, logged as {@code member<i>.weight}. */
    public static final Hyperparameter<Double> WEIGHT = Hyperparameter.real(
            "weight", 1.0, Interval.atLeast(0), "member's weight in the average (weights need a positive sum)");

    private final List<Trainer<? extends Model>> members;
    private final double[] weights;

    public AveragingTrainer(List<Trainer<? extends Model>> members, double[] weights) {
        LatheException.check(!members.isEmpty(), "averaging needs at least one member trainer");
        LatheException.check(
                weights.length == members.size(),
                "averaging: weight count (%d) must equal member count (%d)",
                weights.length,
                members.size());
        for (double w : weights) {
            WEIGHT.check(w);
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
    }

    @Override
    public String name() {
        return "averaging";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        SortedMap<String, String> h = new TreeMap<>();
        for (int i = 0; i < members.size(); i++) {
            String prefix = "member" + i + ".";
            MemberParams.put(h, prefix, members.get(i));
            h.put(prefix + WEIGHT.name(), WEIGHT.format(weights[i]));
        }
        return h;
    }

    @Override
    public WeightedAverageModel fit(Dataset train, FitContext context) {
        context.listener().fitStarted(this, train, context.validation());
        long start = System.nanoTime();
        List<Model> fitted = new ArrayList<>();
        for (Trainer<? extends Model> t : members) {
            fitted.add(t.fit(train));
        }
        WeightedAverageModel model = WeightedAverageModel.of(fitted, weights);
        context.listener().fitFinished(this, model, Duration.ofNanos(System.nanoTime() - start));
        return model;
    }
}
