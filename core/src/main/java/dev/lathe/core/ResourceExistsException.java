package dev.lathe.core;

/** A unique name that is taken already ({@code RESOURCE_ALREADY_EXISTS}). */
public class ResourceExistsException extends LatheException {
    private static final long serialVersionUID = 1L;

    public ResourceExistsException(String message) {
        this(message, null);
    }

    public ResourceExistsException(String message, Throwable cause) {
        super(ErrorCode.RESOURCE_ALREADY_EXISTS, message, cause);
    }
}
