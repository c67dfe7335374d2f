package dev.lathe.core.tracking.queue;

import java.time.Duration;
import java.util.List;

/**
 * A store-held queue of one search's trials that several worker processes serve at once (Optuna's
 * RDB storage, with claims): trials are enqueued a batch at a time, claimed atomically (never the same
 * trial twice; PostgreSQL's {@code SELECT ... FOR UPDATE SKIP LOCKED}, SQLite's {@code BEGIN IMMEDIATE}),
 * kept alive by heartbeats, and completed exactly once. A claim whose heartbeat is older than the grace
 * period is taken back (its run ended KILLED) and the trial queued again, at most
 * {@link QueueSpec#maxRetries()} times, then FAILED with the reason. When every trial of the enqueued
 * batches has ended, exactly one caller of {@link #claim} is told to propose the next batch (a lease
 * that also expires after the grace period), and after the last batch one caller is told to finish the
 * search. Every method is one transaction; every backend passes
 * {@code dev.lathe.testkit.tracking.TrialQueueContract}.
 */
public interface TrialQueue {
    /**
     * Records a new search under {@code searchId} (its parent run id); calling it again with the same spec
     * does nothing, with another spec is an {@code InvalidParameterException}.
     */
    void create(String searchId, QueueSpec spec);

    /** The spec the search was created with; {@code ResourceNotFoundException} when there is none. */
    QueueSpec spec(String searchId);

    /**
     * Adds batch {@code batch}'s trials as PENDING (trials already queued are left as they are, so that a
     * proposal repeated after an expired lease changes nothing) and releases the proposal lease of that
     * batch. The batch after the last one ({@link QueueSpec#batchCount()}) takes no trials and marks the
     * search finished.
     */
    void enqueue(String searchId, int batch, List<QueuedTrial> trials);

    /**
     * The next thing {@code workerId} should do: run a trial (claimed for it now), propose a batch or
     * finish the search (a lease held by it now), wait, or stop. Stale claims and leases (no heartbeat for
     * longer than {@code grace}) are taken back first.
     */
    ClaimResult claim(String searchId, String workerId, Duration grace);

    /** Records the tracking run that executes this claim, so that it is ended KILLED if the claim expires. */
    void attachRun(TrialClaim claim, String runId);

    /** Renews the lease on proposing (or finishing) {@code batch}; false when it expired and was taken back. */
    boolean holdLease(String searchId, int batch, String workerId);

    /** Renews the claim; false when it was taken back (the trial now belongs to someone else). */
    boolean heartbeat(TrialClaim claim);

    /**
     * Ends the trial with its encoded {@code result} (COMPLETE) when the claim is still held and returns
     * true; returns false, changing nothing, when the claim was taken back (the result must be discarded).
     */
    boolean complete(TrialClaim claim, String result);

    /** Every trial queued for the search, by number. */
    List<QueueEntry> entries(String searchId);
}
