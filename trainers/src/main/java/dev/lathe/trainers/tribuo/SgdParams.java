package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;

/**
 * Hyperparameters of Tribuo's linear SGD regression (squared loss, AdaGrad step sizes): passes over
 * the data, AdaGrad's initial learning rate, minibatch size and the shuffling seed.
 */
public record SgdParams(int epochs, double learningRate, int minibatchSize, long seed) {
    public SgdParams {
        LatheException.check(epochs >= 1, "sgd epochs must be >= 1, got %d", epochs);
        LatheException.check(
                learningRate > 0 && Double.isFinite(learningRate),
                "sgd learning_rate must be finite and > 0, got %s",
                learningRate);
        LatheException.check(minibatchSize >= 1, "sgd minibatch_size must be >= 1, got %d", minibatchSize);
    }
}
