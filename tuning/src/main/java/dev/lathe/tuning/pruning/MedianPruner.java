package dev.lathe.tuning.pruning;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * Optuna's MedianPruner: once {@code startupTrials} trials have completed and the step is at least
 * {@code warmupSteps}, stop a trial whose best intermediate value so far is worse than the median of
 * the completed trials' intermediate values at the same step.
 */
public record MedianPruner(int startupTrials, long warmupSteps) implements Pruner {
    public MedianPruner {
        LatheException.check(startupTrials >= 0, "startupTrials must be >= 0, got %d", startupTrials);
        LatheException.check(warmupSteps >= 0, "warmupSteps must be >= 0, got %d", warmupSteps);
    }

    @Override
    public String name() {
        return "median";
    }

    @Override
    public boolean shouldPrune(long step, SortedMap<Long, Double> own, List<Trial> history, Direction direction) {
        if (step < warmupSteps || own.isEmpty()) {
            return false;
        }
        List<Double> atStep = new ArrayList<>();
        int completed = 0;
        for (Trial t : history) {
            if (t.state() == TrialState.COMPLETE) {
                completed++;
                Double v = t.intermediateValues().get(step);
                if (v != null && !v.isNaN()) {
                    atStep.add(direction.toLoss(v));
                }
            }
        }
        if (completed < startupTrials || atStep.isEmpty()) {
            return false;
        }
        Collections.sort(atStep);
        int n = atStep.size();
        double median = n % 2 == 1 ? atStep.get(n / 2) : 0.5 * (atStep.get(n / 2 - 1) + atStep.get(n / 2));
        double best = Double.POSITIVE_INFINITY;
        for (double v : own.headMap(step + 1).values()) {
            best = Math.min(best, direction.toLoss(v));
        }
        return best > median;
    }
}
