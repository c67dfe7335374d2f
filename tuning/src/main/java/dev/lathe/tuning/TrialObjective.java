package dev.lathe.tuning;

import dev.lathe.core.model.Model;
import dev.lathe.tuning.trial.ParamSet;
import java.util.Optional;

/**
 * Scores one trial's params (Optuna's objective function). Iterative objectives report intermediate
 * values and ask {@link TrialContext#shouldPrune} after each step. Implementations must be safe to
 * call from several threads at once and deterministic for a given {@link ParamSet} (seed included).
 */
@FunctionalInterface
public interface TrialObjective {
    double evaluate(TrialContext trial);

    /** The metric key intermediate values are logged under. */
    default String intermediateKey() {
        return "intermediate_value";
    }

    /**
     * True when {@link #evaluate} logs into the trial's own run ({@link TrialContext#run()}), for
     * example by autologging its fit; the search then opens that run before the objective starts.
     */
    default boolean wantsTrialRun() {
        return false;
    }

    /**
     * True when {@link #evaluate} records the trial's score in the trial's own run itself (under the
     * search's score name); the search then does not write it a second time.
     */
    default boolean logsScore() {
        return false;
    }

    /** The model refit with the best params, when this objective trains models and refit is requested. */
    default Optional<Model> refit(ParamSet best) {
        return Optional.empty();
    }
}
