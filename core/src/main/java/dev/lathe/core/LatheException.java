package dev.lathe.core;

import java.util.Locale;

/**
 * The one root of the unchecked exceptions Lathe throws: its message states the rule that was broken
 * and the actual values (file, field, value) so that a user can fix the input without reading the
 * code, and its {@link ErrorCode} says the cause. A plain {@code LatheException} is an internal
 * failure; the subclasses name the other causes.
 */
public class LatheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /** An internal failure ({@link ErrorCode#INTERNAL_ERROR}). */
    public LatheException(String message) {
        this(ErrorCode.INTERNAL_ERROR, message, null);
    }

    /** An internal failure ({@link ErrorCode#INTERNAL_ERROR}) caused by {@code cause}. */
    public LatheException(String message, Throwable cause) {
        this(ErrorCode.INTERNAL_ERROR, message, cause);
    }

    protected LatheException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The cause of the failure. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Wraps a failure that happened inside a step (a trial, a fold, a member fit) with the step's
     * context, keeping the cause's error code when it is a {@code LatheException} (bad data stays bad
     * data) and {@link ErrorCode#INTERNAL_ERROR} otherwise.
     */
    public static LatheException wrap(String message, Throwable cause) {
        ErrorCode code = cause instanceof LatheException l ? l.errorCode() : ErrorCode.INTERNAL_ERROR;
        return code.exception(message, cause);
    }

    /**
     * Throws an {@link InvalidParameterException} when {@code condition} is false, with a message
     * formatted from {@code format}.
     */
    public static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new InvalidParameterException(String.format(Locale.ROOT, format, args));
        }
    }

    /** Throws the exception of {@code code} when {@code condition} is false, formatted from {@code format}. */
    public static void check(ErrorCode code, boolean condition, String format, Object... args) {
        if (!condition) {
            throw code.exception(String.format(Locale.ROOT, format, args), null);
        }
    }
}
