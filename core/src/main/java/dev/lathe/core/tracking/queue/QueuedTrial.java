package dev.lathe.core.tracking.queue;

import dev.lathe.core.LatheException;

/** A trial put into the queue: its number and its encoded params, opaque to the queue. */
public record QueuedTrial(int number, String params) {
    public QueuedTrial {
        LatheException.check(number >= 0, "trial number must be >= 0, got %d", number);
        LatheException.check(params != null, "trial %d needs its params", number);
    }
}
