package dev.lathe.tuning.pruning;

import dev.lathe.core.Direction;
import dev.lathe.tuning.trial.Trial;
import java.util.List;
import java.util.SortedMap;

/**
 * Decides, after each step of an iterative fit, whether the trial should stop: from the trial's own
 * intermediate values so far and the finished trials it may compare with (those of earlier batches,
 * so decisions do not depend on thread timing).
 */
public interface Pruner {
    /** A short name for logging. */
    String name();

    /** True to stop the trial at {@code step}; {@code own} holds its intermediate values up to this step. */
    boolean shouldPrune(long step, SortedMap<Long, Double> own, List<Trial> history, Direction direction);

    /** A pruner that never prunes. */
    static Pruner none() {
        return new Pruner() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public boolean shouldPrune(
                    long step, SortedMap<Long, Double> own, List<Trial> history, Direction direction) {
                return false;
            }
        };
    }
}
