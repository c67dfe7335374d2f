package dev.lathe.tuning.trial;

/** How a trial ended (Optuna's trial states, without the transient RUNNING/WAITING). */
public enum TrialState {
    /** The objective returned a score. */
    COMPLETE,
    /** A pruner stopped it; its score is its best intermediate value. */
    PRUNED,
    /** The objective threw; the error message is kept. */
    FAILED
}
