package dev.lathe.cli;

import dev.lathe.tuning.SearchListener;
import dev.lathe.tuning.trial.Trial;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one stderr line per finished trial: number, count, state, score and params. */
final class TrialProgress implements SearchListener {
    private final PrintWriter err;
    private final int total;
    private final String scoreName;
    private int done;

    TrialProgress(PrintWriter err, int total, String scoreName) {
        this.err = err;
        this.total = total;
        this.scoreName = scoreName;
    }

    @Override
    public void trialFinished(Trial trial) {
        done++;
        err.printf(
                Locale.ROOT,
                "[lathe] trial %d (%d/%d) %s=%.5f %s %s%n",
                trial.number(),
                done,
                total,
                scoreName,
                trial.value(),
                trial.state().name().toLowerCase(Locale.ROOT),
                trial.params().formatted());
        err.flush();
    }
}
