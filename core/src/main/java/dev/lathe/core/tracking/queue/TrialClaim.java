package dev.lathe.core.tracking.queue;

import dev.lathe.core.LatheException;

/**
 * A trial claimed by a worker: the search, the trial's number, batch and params, and the attempt (1 for
 * the first claim), which with the worker id identifies this claim among later claims of the same trial.
 */
public record TrialClaim(String searchId, int number, int batch, String params, int attempt, String workerId) {
    public TrialClaim {
        LatheException.check(searchId != null && workerId != null, "a claim needs its search and its worker");
        LatheException.check(attempt >= 1, "claim attempt must be >= 1, got %d", attempt);
    }
}
