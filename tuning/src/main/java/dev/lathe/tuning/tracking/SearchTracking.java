package dev.lathe.tuning.tracking;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.Tracker;
import java.util.Map;

/**
 * Where a search is tracked: the tracker, the experiment, the parent run's name and what the parent
 * run gets when the search ends. Opens the parent run (new or resumed) and the asynchronous recorder
 * that logs the trials under it.
 */
public record SearchTracking(Tracker tracker, String experimentName, String runName, ParentRunLogger parentLogger) {
    public SearchTracking {
        LatheException.check(tracker != null, "search tracking needs a tracker");
        LatheException.check(
                experimentName != null && !experimentName.isBlank(), "search tracking needs an experiment name");
        LatheException.check(runName != null && !runName.isBlank(), "search tracking needs a run name");
        LatheException.check(parentLogger != null, "search tracking needs a parent run logger");
    }

    /** Tracking whose parent run gets the best model's file ({@link ParentRunLogger#bestModelFile()}). */
    public SearchTracking(Tracker tracker, String experimentName, String runName) {
        this(tracker, experimentName, runName, ParentRunLogger.bestModelFile());
    }

    /** Starts a new parent run with the search's own settings as params. */
    public AsyncSearchRecorder start(Map<String, String> searchParams, String scoreName) {
        String experimentId = tracker.getOrCreateExperiment(experimentName);
        ActiveRun parent = tracker.startRun(RunSpec.builder(experimentId)
                .runName(runName)
                .tag(TrialTags.SEARCH, "true")
                .build());
        parent.logParams(searchParams);
        return new AsyncSearchRecorder(tracker, parent, scoreName, parentLogger);
    }

    /** Throws unless the parent run logged these search settings; changes nothing. */
    public void checkResumable(String parentRunId, Map<String, String> searchParams) {
        Map<String, String> logged = tracker.getRun(parentRunId).data().params();
        searchParams.forEach((k, v) -> LatheException.check(
                v.equals(logged.get(k)),
                "cannot resume search run %s: its param %s is '%s' but this search has '%s'",
                parentRunId,
                k,
                logged.get(k),
                v));
    }

    /**
     * A recorder for a worker that serves the search under {@code parentRunId} (started elsewhere): its
     * trials are logged under that parent run, which this worker also ends when it finishes the search.
     */
    public AsyncSearchRecorder attach(String parentRunId, String scoreName) {
        return new AsyncSearchRecorder(tracker, tracker.resumeRun(parentRunId), scoreName, parentLogger);
    }

    /** Re-opens an interrupted search's parent run after checking its settings match. */
    public AsyncSearchRecorder resume(String parentRunId, Map<String, String> searchParams, String scoreName) {
        checkResumable(parentRunId, searchParams);
        ActiveRun parent = tracker.resumeRun(parentRunId);
        return new AsyncSearchRecorder(tracker, parent, scoreName, parentLogger);
    }
}
