package dev.lathe.tuning.sampler;

import dev.lathe.core.Direction;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Proposes the params of a trial from the search space, the finished trials it may condition on, and
 * a random stream owned by that trial (so proposals never depend on thread timing).
 */
public interface Sampler {
    /** A short name for logging, such as "tpe" or "random". */
    String name();

    /** The params of trial {@code trialNumber}, one value per parameter of {@code space}, in its order. */
    Map<String, Object> sample(
            SearchSpace space, int trialNumber, List<Trial> history, Direction direction, RandomGenerator rng);

    /** The most trials this sampler can propose (a grid's size), or empty when unbounded. */
    default OptionalInt maxTrials() {
        return OptionalInt.empty();
    }
}
