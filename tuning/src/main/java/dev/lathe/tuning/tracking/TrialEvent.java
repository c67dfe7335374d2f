package dev.lathe.tuning.tracking;

import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;

/** What the search loop hands to {@link AsyncSearchRecorder}'s writer thread, stamped when it happened. */
sealed interface TrialEvent {
    /** A trial began with these params. */
    record Started(int number, ParamSet params, long timeMillis) implements TrialEvent {}

    /**
     * A trial began in a run opened already (its params logged): the objective logs its own steps when
     * {@code logsSteps}, and its own score when {@code logsScore}.
     */
    record Opened(int number, String runId, boolean logsSteps, boolean logsScore) implements TrialEvent {}

    /** An intermediate value of a trial (for example the validation RMSE after a boosting round). */
    record Point(int number, String key, long step, double value, long timeMillis) implements TrialEvent {}

    /** A trial ended (complete, pruned or failed). */
    record Finished(Trial trial, long timeMillis) implements TrialEvent {}

    /** The search's summary, written on the parent run after every trial before it. */
    record SearchDone(Runnable action) implements TrialEvent {}

    /** No more events: the writer thread ends after writing what came before. */
    record Stop() implements TrialEvent {}
}
