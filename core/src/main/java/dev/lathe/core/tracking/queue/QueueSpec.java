package dev.lathe.core.tracking.queue;

import dev.lathe.core.LatheException;

/**
 * The shape of a distributed search that its queue needs to know: how many trials, in batches of what
 * size, and how many times a trial whose worker died is queued again before it fails.
 */
public record QueueSpec(int trialCount, int batchSize, int maxRetries) {
    public QueueSpec {
        LatheException.check(trialCount >= 1, "trialCount must be >= 1, got %d", trialCount);
        LatheException.check(batchSize >= 1, "batchSize must be >= 1, got %d", batchSize);
        LatheException.check(maxRetries >= 0, "maxRetries must be >= 0, got %d", maxRetries);
    }

    /** The number of batches: trials 0..batchSize-1 are batch 0, and so on. */
    public int batchCount() {
        return (trialCount + batchSize - 1) / batchSize;
    }

    /** The batch trial {@code number} belongs to. */
    public int batchOf(int number) {
        return number / batchSize;
    }

    /** The number of trials in batch {@code batch}. */
    public int sizeOf(int batch) {
        return Math.min(trialCount, (batch + 1) * batchSize) - batch * batchSize;
    }
}
