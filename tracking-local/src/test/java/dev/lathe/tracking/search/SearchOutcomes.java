package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What properties over search inputs accept: a result, or an {@link InvalidParameterException} with a
 * short message; any other exception, a blank or huge message, or a hang fails the try.
 */
public final class SearchOutcomes {
    /** Longest error message any input may produce: an excerpt, a token, a list of valid keys. */
    public static final int MAX_MESSAGE = 1_000;

    private SearchOutcomes() {}

    /** Runs {@code search}: a result, or an InvalidParameterException with a short message; nothing else. */
    public static void resultOrInvalidParameter(String what, Supplier<?> search) {
        try {
            search.get();
        } catch (InvalidParameterException e) {
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), "a message for " + what);
            assertTrue(
                    message.length() <= MAX_MESSAGE,
                    "a short message (" + message.length() + " characters) for " + what + ": "
                            + message.substring(0, Math.min(300, message.length())));
        }
    }

    /** Runs {@code checks} in at most ten seconds (an endless loop fails the try instead of the build). */
    public static void withoutHanging(String what, Runnable checks) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), checks::run, () -> "hang on " + what);
    }

    /** {@code s} quoted for a failure message, cut when long. */
    public static String cut(String s) {
        return s.length() <= 200 ? "'" + s + "'" : "'" + s.substring(0, 200) + "...' (" + s.length() + " characters)";
    }
}
