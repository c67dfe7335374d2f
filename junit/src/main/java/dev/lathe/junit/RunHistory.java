package dev.lathe.junit;

import dev.lathe.core.tracking.RunSnapshot;
import dev.lathe.core.tracking.Tracker;
import java.util.Optional;

/**
 * The one read-back query that regression assertions need: the newest FINISHED run of an experiment
 * carrying a given tag value. {@link #of(Tracker)} answers it with the tracker's MLflow-grammar run
 * search; a tracker may also implement it directly.
 */
public interface RunHistory {
    /**
     * The most recently started run of {@code experimentId} whose status is FINISHED and whose tag
     * {@code tagKey} equals {@code tagValue}, ignoring the run {@code excludeRunId}.
     */
    Optional<RunSnapshot> lastFinishedRun(String experimentId, String tagKey, String tagValue, String excludeRunId);

    /** The tracker itself when it implements this interface, else a search through {@link Tracker#searchRuns}. */
    static RunHistory of(Tracker tracker) {
        if (tracker instanceof RunHistory history) {
            return history;
        }
        return (experimentId, tagKey, tagValue, excludeRunId) -> {
            dev.lathe.core.LatheException.check(
                    !tagKey.contains("`") && !tagValue.contains("'"),
                    "tag key must not contain ` and value must not contain ', got %s=%s",
                    tagKey,
                    tagValue);
            String filter = "tags.`" + tagKey + "` = '" + tagValue + "' and attributes.status = 'FINISHED'";
            return tracker.searchRuns(experimentId, filter, java.util.List.of("attributes.start_time DESC"), 2).stream()
                    .filter(r -> !r.runId().equals(excludeRunId))
                    .findFirst();
        };
    }
}
