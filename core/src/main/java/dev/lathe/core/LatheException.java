package dev.lathe.core;

/**
 * The one unchecked exception Lathe throws: its message states the rule that was broken and the
 * actual values (file, field, value) so that a user can fix the input without reading the code.
 */
public class LatheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LatheException(String message) {
        super(message);
    }

    public LatheException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws when {@code condition} is false, with a message formatted from {@code format}. */
    public static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new LatheException(String.format(java.util.Locale.ROOT, format, args));
        }
    }
}
