package dev.lathe.core;

/** An entity whose state forbids the operation, such as a deleted or ended run ({@code INVALID_STATE}). */
public class InvalidStateException extends LatheException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        this(message, null);
    }

    public InvalidStateException(String message, Throwable cause) {
        super(ErrorCode.INVALID_STATE, message, cause);
    }
}
