package dev.lathe.tuning.pruning;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.trial.Trial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * Asynchronous successive halving (ASHA, as Optuna's SuccessiveHalvingPruner): rung {@code k} sits at
 * step {@code minResource * reductionFactor^(minEarlyStoppingRate + k)}. A trial reaching a rung is
 * promoted only when its value there ranks within the top {@code 1/reductionFactor} of every trial
 * seen at that rung (itself included; with fewer than {@code reductionFactor} competitors it must be
 * the best), otherwise it is pruned.
 */
public record SuccessiveHalvingPruner(long minResource, int reductionFactor, int minEarlyStoppingRate)
        implements Pruner {
    public SuccessiveHalvingPruner {
        LatheException.check(minResource >= 1, "minResource must be >= 1, got %d", minResource);
        LatheException.check(reductionFactor >= 2, "reductionFactor must be >= 2, got %d", reductionFactor);
        LatheException.check(
                minEarlyStoppingRate >= 0, "minEarlyStoppingRate must be >= 0, got %d", minEarlyStoppingRate);
    }

    @Override
    public String name() {
        return "successive_halving";
    }

    /** True when {@code step} is a rung. */
    public boolean isRung(long step) {
        long r = minResource;
        for (int i = 0; i < minEarlyStoppingRate; i++) {
            r *= reductionFactor;
        }
        while (r < step) {
            r *= reductionFactor;
        }
        return r == step;
    }

    @Override
    public boolean shouldPrune(long step, SortedMap<Long, Double> own, List<Trial> history, Direction direction) {
        Double mine = own.get(step);
        if (mine == null || !isRung(step)) {
            return false;
        }
        List<Double> competitors = new ArrayList<>();
        competitors.add(direction.toLoss(mine));
        for (Trial t : history) {
            Double v = t.intermediateValues().get(step);
            if (v != null && !v.isNaN()) {
                competitors.add(direction.toLoss(v));
            }
        }
        Collections.sort(competitors);
        int promotable = Math.max(0, competitors.size() / reductionFactor - 1);
        return direction.toLoss(mine) > competitors.get(promotable);
    }
}
