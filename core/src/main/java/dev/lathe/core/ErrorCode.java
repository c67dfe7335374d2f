package dev.lathe.core;

/**
 * Why a Lathe operation failed, in MLflow's error-code vocabulary, so that a command line, a server or
 * a caller can react to the cause (exit code, HTTP status, retry) without parsing messages. Each code
 * has one exception type under {@link LatheException}; {@link #exception} builds it.
 */
public enum ErrorCode {
    /** A parameter, option or setting has a value outside its rule. */
    INVALID_PARAMETER_VALUE,
    /** Input data breaks a rule: a file, column, row or value that cannot be used. */
    BAD_REQUEST,
    /** An experiment, run, model, version, alias, artifact or file that does not exist. */
    RESOURCE_DOES_NOT_EXIST,
    /** A name that must be unique is taken. */
    RESOURCE_ALREADY_EXISTS,
    /** The entity exists but its state forbids the operation (deleted, ended). */
    INVALID_STATE,
    /** Reading or writing the store, an artifact or a file failed. */
    IO_ERROR,
    /** A failure inside Lathe or a library it calls; not the caller's input. */
    INTERNAL_ERROR;

    /** The exception of this cause with {@code message} and an optional {@code cause} (null for none). */
    public LatheException exception(String message, Throwable cause) {
        return switch (this) {
            case INVALID_PARAMETER_VALUE -> new InvalidParameterException(message, cause);
            case BAD_REQUEST -> new DataException(message, cause);
            case RESOURCE_DOES_NOT_EXIST -> new ResourceNotFoundException(message, cause);
            case RESOURCE_ALREADY_EXISTS -> new ResourceExistsException(message, cause);
            case INVALID_STATE -> new InvalidStateException(message, cause);
            case IO_ERROR -> new StorageException(message, cause);
            case INTERNAL_ERROR -> new LatheException(message, cause);
        };
    }
}
