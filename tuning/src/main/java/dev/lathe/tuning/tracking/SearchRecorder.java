package dev.lathe.tuning.tracking;

import dev.lathe.core.model.Model;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialRun;
import java.util.List;
import java.util.Optional;

/**
 * Where a search reports its progress: a tracker (asynchronously, see {@link AsyncSearchRecorder}) or
 * nowhere. Calls for one trial arrive in order: started, intermediate values, finished.
 */
public interface SearchRecorder extends AutoCloseable {
    /** The parent run of the search when tracked. */
    Optional<String> parentRunId();

    void trialStarted(int number, ParamSet params);

    /**
     * As {@link #trialStarted}, but opens the trial's child run now and returns it, for objectives that
     * log into it themselves ({@code TrialObjective#wantsTrialRun}); empty when the search is untracked.
     * The recorder then leaves per-step values to the objective and still ends the run with the trial;
     * with {@code logsScore} it leaves the score to the objective too.
     */
    default Optional<TrialRun> startTrialRun(int number, ParamSet params, boolean logsScore) {
        trialStarted(number, params);
        return Optional.empty();
    }

    /**
     * As {@link #trialStarted}, but opens the trial's child run now and returns its id (a distributed
     * search ties it to the trial's claim); empty when the search is untracked.
     */
    default Optional<String> openTrialRun(int number, ParamSet params) {
        trialStarted(number, params);
        return Optional.empty();
    }

    void intermediate(int number, String key, long step, double value);

    void trialFinished(Trial trial);

    /** Logs the summary on the parent: best params/score, trials CSV, then the parent logger's record. */
    void searchFinished(
            List<Trial> trials, Optional<Trial> best, String scoreName, String trialsCsv, Optional<Model> bestModel);

    /** Waits for pending writes; rethrows the first tracking failure. */
    @Override
    void close();

    static SearchRecorder none() {
        return new SearchRecorder() {
            @Override
            public Optional<String> parentRunId() {
                return Optional.empty();
            }

            @Override
            public void trialStarted(int number, ParamSet params) {}

            @Override
            public void intermediate(int number, String key, long step, double value) {}

            @Override
            public void trialFinished(Trial trial) {}

            @Override
            public void searchFinished(
                    List<Trial> trials,
                    Optional<Trial> best,
                    String scoreName,
                    String trialsCsv,
                    Optional<Model> bestModel) {}

            @Override
            public void close() {}
        };
    }
}
