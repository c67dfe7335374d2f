package dev.lathe.tuning.trial;

import dev.lathe.core.LatheException;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a finished trial: its number, state, params, score (NaN when failed),
 * intermediate values by step (for pruning), the error when failed, and wall time.
 */
public record Trial(
        int number,
        TrialState state,
        ParamSet params,
        double value,
        SortedMap<Long, Double> intermediateValues,
        Optional<TrialError> error,
        Duration duration) {
    public Trial {
        LatheException.check(number >= 0, "trial number must be >= 0, got %d", number);
        LatheException.check(state != null && params != null, "trial %d needs a state and params", number);
        LatheException.check(
                state == TrialState.FAILED || !Double.isNaN(value),
                "trial %d in state %s needs a score, got NaN",
                number,
                state);
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        error = error == null ? Optional.empty() : error;
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** True for COMPLETE and PRUNED trials, which have a score. */
    public boolean hasValue() {
        return state != TrialState.FAILED;
    }

    /** Same number, state, params, score and intermediate values (wall time and error text ignored). */
    public boolean sameOutcome(Trial other) {
        return number == other.number
                && state == other.state
                && params.equals(other.params)
                && Double.compare(value, other.value) == 0
                && intermediateValues.equals(other.intermediateValues);
    }
}
