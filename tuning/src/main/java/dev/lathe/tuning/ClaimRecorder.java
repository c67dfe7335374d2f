package dev.lathe.tuning;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.tracking.queue.TrialClaim;
import dev.lathe.core.tracking.queue.TrialQueue;
import dev.lathe.tuning.tracking.SearchRecorder;
import dev.lathe.tuning.tracking.TrialCodec;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialRun;
import java.util.List;
import java.util.Optional;

/**
 * The recorder of one claimed trial of a distributed search: opens the trial's run at once and ties it to
 * the claim (so that a claim taken back ends it KILLED), and records the trial as finished only when the
 * queue accepts its result for this claim, so that a trial is completed exactly once.
 */
final class ClaimRecorder implements SearchRecorder {
    private final SearchRecorder delegate;
    private final TrialQueue queue;
    private final TrialClaim claim;
    private boolean accepted;

    ClaimRecorder(SearchRecorder delegate, TrialQueue queue, TrialClaim claim) {
        this.delegate = delegate;
        this.queue = queue;
        this.claim = claim;
    }

    /** True once the queue accepted the trial's result for this claim. */
    boolean accepted() {
        return accepted;
    }

    @Override
    public Optional<String> parentRunId() {
        return delegate.parentRunId();
    }

    @Override
    public void trialStarted(int number, ParamSet params) {
        delegate.openTrialRun(number, params).ifPresent(id -> queue.attachRun(claim, id));
    }

    @Override
    public Optional<TrialRun> startTrialRun(int number, ParamSet params, boolean logsScore) {
        Optional<TrialRun> run = delegate.startTrialRun(number, params, logsScore);
        run.ifPresent(r -> queue.attachRun(claim, r.run().runId()));
        return run;
    }

    @Override
    public void intermediate(int number, String key, long step, double value) {
        delegate.intermediate(number, key, step, value);
    }

    @Override
    public void trialFinished(Trial trial) {
        accepted = queue.complete(claim, TrialCodec.result(trial));
        if (accepted) {
            delegate.trialFinished(trial);
        }
    }

    @Override
    public void searchFinished(
            List<Trial> trials, Optional<Trial> best, String scoreName, String trialsCsv, Optional<Model> bestModel) {
        throw new LatheException("a claimed trial's recorder does not finish the search");
    }

    @Override
    public void close() {}
}
