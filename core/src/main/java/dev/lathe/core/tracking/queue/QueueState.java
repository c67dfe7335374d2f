package dev.lathe.core.tracking.queue;

/** Where a queued trial is: waiting, claimed by a worker, done with a result, or failed by the queue. */
public enum QueueState {
    /** Waiting for a worker (new, or taken back from a worker that stopped heartbeating). */
    PENDING,
    /** Claimed by a worker that heartbeats while it runs. */
    RUNNING,
    /** Completed once, with its result. */
    DONE,
    /** Given up after its retries: every worker that claimed it stopped heartbeating. */
    FAILED;

    /** True for DONE and FAILED. */
    public boolean ended() {
        return this == DONE || this == FAILED;
    }
}
