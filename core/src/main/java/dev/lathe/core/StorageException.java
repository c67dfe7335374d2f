package dev.lathe.core;

/** Reading or writing the store, an artifact or a file failed ({@code IO_ERROR}); the cause says why. */
public class StorageException extends LatheException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        this(message, null);
    }

    public StorageException(String message, Throwable cause) {
        super(ErrorCode.IO_ERROR, message, cause);
    }
}
