package dev.lathe.trainers.tribuo;

import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Interval;
import java.util.List;

/**
 * Hyperparameters of Tribuo's linear SGD regression (squared loss, AdaGrad step sizes): passes over
 * the data, AdaGrad's initial learning rate, minibatch size and the shuffling seed. The loss and the
 * optimiser are fixed and declared as one-value choices, so the logged params say which were used.
 */
public record SgdParams(int epochs, double learningRate, int minibatchSize, long seed) {
    public static final Hyperparameter<Integer> EPOCHS =
            Hyperparameter.integer("epochs", 5, Interval.atLeast(1), "passes over the training rows");
    public static final Hyperparameter<Double> LEARNING_RATE =
            Hyperparameter.real("learning_rate", 1.0, Interval.greaterThan(0), "AdaGrad's initial learning rate");
    public static final Hyperparameter<Integer> MINIBATCH_SIZE =
            Hyperparameter.integer("minibatch_size", 1, Interval.atLeast(1), "rows per gradient step");
    public static final Hyperparameter<Long> SEED =
            Hyperparameter.seed("seed", 0, "seed of the shuffling of rows between epochs");
    public static final Hyperparameter<String> LOSS =
            Hyperparameter.choice("loss", "squared", List.of("squared"), "loss minimised (squared error only)");
    public static final Hyperparameter<String> OPTIMISER =
            Hyperparameter.choice("optimiser", "adagrad", List.of("adagrad"), "step-size rule (AdaGrad only)");

    /** Every SGD hyperparameter. */
    public static final HyperparameterSpace SPACE =
            HyperparameterSpace.of(EPOCHS, LEARNING_RATE, MINIBATCH_SIZE, SEED, LOSS, OPTIMISER);

    public SgdParams {
        EPOCHS.check(epochs);
        LEARNING_RATE.check(learningRate);
        MINIBATCH_SIZE.check(minibatchSize);
    }

    /** The record for values of {@link #SPACE} (loss and optimiser can only be their one value). */
    public static SgdParams from(HyperparameterValues v) {
        return new SgdParams(v.get(EPOCHS), v.get(LEARNING_RATE), v.get(MINIBATCH_SIZE), v.get(SEED));
    }

    /** This record as values of {@link #SPACE} (what the trainer logs). */
    public HyperparameterValues values() {
        return SPACE.builder()
                .set(EPOCHS, epochs)
                .set(LEARNING_RATE, learningRate)
                .set(MINIBATCH_SIZE, minibatchSize)
                .set(SEED, seed)
                .set(LOSS, LOSS.defaultValue())
                .set(OPTIMISER, OPTIMISER.defaultValue())
                .build();
    }
}
