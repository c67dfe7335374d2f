package dev.lathe.tuning.trial;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Tracker;

/**
 * A trial's own child run, opened before the objective starts when the objective logs into it (as
 * autologging does), with the tracker it lives in so that a logger can read back what is there.
 */
public record TrialRun(ActiveRun run, Tracker tracker) {
    public TrialRun {
        LatheException.check(run != null && tracker != null, "a trial run needs its run and its tracker");
    }
}
