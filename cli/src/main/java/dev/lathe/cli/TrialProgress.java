package dev.lathe.cli;

import dev.lathe.core.model.Model;
import dev.lathe.tuning.TrialContext;
import dev.lathe.tuning.TrialObjective;
import dev.lathe.tuning.trial.ParamSet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a search objective to print one stderr line per finished trial: number, score and params. */
final class TrialProgress implements TrialObjective {
    private final TrialObjective objective;
    private final PrintWriter err;
    private final int total;
    private final String scoreName;
    private final AtomicInteger done = new AtomicInteger();

    TrialProgress(TrialObjective objective, PrintWriter err, int total, String scoreName) {
        this.objective = objective;
        this.err = err;
        this.total = total;
        this.scoreName = scoreName;
    }

    @Override
    public double evaluate(TrialContext trial) {
        double score = objective.evaluate(trial);
        int n = done.incrementAndGet();
        synchronized (err) {
            err.printf(
                    Locale.ROOT,
                    "[lathe] trial %d (%d/%d) %s=%.5f %s%n",
                    trial.number(),
                    n,
                    total,
                    scoreName,
                    score,
                    trial.params().formatted());
            err.flush();
        }
        return score;
    }

    @Override
    public String intermediateKey() {
        return objective.intermediateKey();
    }

    @Override
    public boolean wantsTrialRun() {
        return objective.wantsTrialRun();
    }

    @Override
    public boolean logsScore() {
        return objective.logsScore();
    }

    @Override
    public Optional<Model> refit(ParamSet best) {
        return objective.refit(best);
    }
}
