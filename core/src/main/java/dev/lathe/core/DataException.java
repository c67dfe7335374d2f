package dev.lathe.core;

/** Input data that breaks a rule ({@code BAD_REQUEST}): the message names the file, column, row and value. */
public class DataException extends LatheException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        this(message, null);
    }

    public DataException(String message, Throwable cause) {
        super(ErrorCode.BAD_REQUEST, message, cause);
    }
}
