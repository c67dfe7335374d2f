package dev.lathe.tuning.trial;

import dev.lathe.core.LatheException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Why a trial failed: the one-line message shown in tables and tags, and the full stack trace when the
 * failure was an exception (kept as the trial run's artifact, so that a failure can be debugged later).
 */
public record TrialError(String message, Optional<String> stackTrace) {
    public TrialError {
        LatheException.check(message != null, "a trial error needs a message");
        stackTrace = stackTrace == null ? Optional.empty() : stackTrace;
    }

    /** The error of a trial whose objective threw {@code thrown}: its type and message, and its stack trace. */
    public static TrialError of(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            thrown.printStackTrace(out);
        }
        return new TrialError(
                thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), Optional.of(trace.toString()));
    }

    /** An error with only a message (no exception, or read back from a tag). */
    public static TrialError message(String message) {
        return new TrialError(message, Optional.empty());
    }
}
