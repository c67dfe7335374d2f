package dev.lathe.tuning;

import dev.lathe.tuning.trial.Trial;
import java.util.Optional;

/**
 * Observes a search from the calling thread: when it starts (with the parent run id to resume from,
 * when tracked) and each trial as its batch completes, in trial-number order (progress output).
 */
public interface SearchListener {
    default void searchStarted(Optional<String> parentRunId) {}

    default void trialFinished(Trial trial) {}

    static SearchListener none() {
        return new SearchListener() {};
    }
}
