package dev.lathe.core;

/** A parameter, option or setting outside its rule ({@code INVALID_PARAMETER_VALUE}): the caller fixes the value. */
public class InvalidParameterException extends LatheException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        this(message, null);
    }

    public InvalidParameterException(String message, Throwable cause) {
        super(ErrorCode.INVALID_PARAMETER_VALUE, message, cause);
    }
}
