package dev.lathe.tuning;

import dev.lathe.core.Direction;
import dev.lathe.tuning.pruning.Pruner;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialRun;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What an objective sees of its running trial (Optuna's {@code Trial}): number and params, and the
 * reporting/pruning hooks for iterative fits. Used by one thread at a time.
 */
public final class TrialContext {
    private final int number;
    private final ParamSet params;
    private final Pruner pruner;
    private final List<Trial> history;
    private final Direction direction;
    private final BiConsumer<Long, Double> onReport;
    private final Optional<TrialRun> run;
    private final SortedMap<Long, Double> intermediate = new TreeMap<>();
    private boolean pruned;
    private long prunedAt = -1;

    TrialContext(
            int number,
            ParamSet params,
            Pruner pruner,
            List<Trial> history,
            Direction direction,
            BiConsumer<Long, Double> onReport,
            Optional<TrialRun> run) {
        this.number = number;
        this.params = params;
        this.pruner = pruner;
        this.history = history;
        this.direction = direction;
        this.onReport = onReport;
        this.run = run;
    }

    /** The trial's own child run, when the objective asked for one and the search is tracked. */
    public Optional<TrialRun> run() {
        return run;
    }

    public int number() {
        return number;
    }

    public ParamSet params() {
        return params;
    }

    /** Records the intermediate score at {@code step} (for example the validation RMSE of a round). */
    public void report(long step, double value) {
        intermediate.put(step, value);
        onReport.accept(step, value);
    }

    /**
     * Asks the pruner whether to stop at {@code step}; once it says yes the trial is marked pruned
     * and every later call answers yes.
     */
    public boolean shouldPrune(long step) {
        if (!pruned && pruner.shouldPrune(step, Collections.unmodifiableSortedMap(intermediate), history, direction)) {
            pruned = true;
            prunedAt = step;
        }
        return pruned;
    }

    public boolean pruned() {
        return pruned;
    }

    /** The step at which the trial was pruned, or -1. */
    public long prunedAt() {
        return prunedAt;
    }

    /** A copy of the intermediate values reported so far. */
    public SortedMap<Long, Double> intermediateValues() {
        return new TreeMap<>(intermediate);
    }

    /** The best intermediate value in the search direction, or NaN when none was reported. */
    public double bestIntermediate() {
        double best = Double.NaN;
        for (double v : intermediate.values()) {
            if (Double.isNaN(best) || direction.better(v, best)) {
                best = v;
            }
        }
        return best;
    }
}
