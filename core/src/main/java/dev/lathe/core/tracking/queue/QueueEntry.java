package dev.lathe.core.tracking.queue;

import dev.lathe.core.LatheException;
import java.util.Optional;

/**
 * One queued trial as the store holds it: number, batch, state, encoded params, how many times it was
 * claimed, the worker holding or last holding it, its result when DONE, and why it was taken back or
 * failed.
 */
public record QueueEntry(
        int number,
        int batch,
        QueueState state,
        String params,
        int attempts,
        Optional<String> workerId,
        Optional<String> result,
        Optional<String> reason) {
    public QueueEntry {
        LatheException.check(state != null && params != null, "queue entry %d needs a state and params", number);
        workerId = workerId == null ? Optional.empty() : workerId;
        result = result == null ? Optional.empty() : result;
        reason = reason == null ? Optional.empty() : reason;
    }
}
