package dev.lathe.tuning;

import dev.lathe.core.model.TrainingListener;
import dev.lathe.tuning.trial.TrialRun;

/**
 * Logs one trial's fit into the trial's own child run: the listener it returns observes that fit
 * (hyperparameters, per-round metrics, the fitted model). Autologging is one; the workflow's run
 * convention is another.
 */
public interface TrialRunLogging {
    /** The listener that logs the fit of the trial whose run is {@code run}. */
    TrainingListener listener(TrialRun run);

    /**
     * True when the listener records the trial's score itself, under the search's score name, as the
     * model's final value; the search then writes only the trial's state, so the run holds one score.
     */
    default boolean logsScore() {
        return false;
    }
}
