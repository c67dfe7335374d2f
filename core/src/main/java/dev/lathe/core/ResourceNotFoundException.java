package dev.lathe.core;

/** An experiment, run, model, alias, artifact or file that does not exist ({@code RESOURCE_DOES_NOT_EXIST}). */
public class ResourceNotFoundException extends LatheException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        this(message, null);
    }

    public ResourceNotFoundException(String message, Throwable cause) {
        super(ErrorCode.RESOURCE_DOES_NOT_EXIST, message, cause);
    }
}
