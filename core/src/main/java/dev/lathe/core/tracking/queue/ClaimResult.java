package dev.lathe.core.tracking.queue;

/** What {@link TrialQueue#claim} tells a worker to do next. */
public sealed interface ClaimResult {
    /** Run this trial, heartbeat while it runs, then complete it. */
    record Run(TrialClaim claim) implements ClaimResult {}

    /**
     * Propose batch {@code batch} from the results of the batches before it and enqueue it, holding the
     * lease on it ({@link TrialQueue#holdLease}) while that takes time.
     */
    record Propose(int batch) implements ClaimResult {}

    /**
     * Every trial has ended: write the search's summary, then enqueue the empty batch {@code batch} (the
     * batch count) to mark the search finished, holding the lease as for a proposal.
     */
    record Finish(int batch) implements ClaimResult {}

    /** Nothing to claim now: other workers run the current batch or propose the next. */
    record Wait() implements ClaimResult {}

    /** Every trial has ended and the search was finished. */
    record Finished() implements ClaimResult {}
}
