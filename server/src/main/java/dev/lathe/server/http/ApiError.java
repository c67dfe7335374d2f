package dev.lathe.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.ErrorCode;

/**
 * A failure as MLflow's server answers it: an HTTP status and the body {@code {"error_code", "message"}}.
 * The one mapping from Lathe's {@link ErrorCode} to MLflow's statuses lives here (as in MLflow's
 * {@code mlflow.exceptions}: not found is 404, internal and storage failures 500, every other cause 400).
 */
public record ApiError(int status, String errorCode, String message) {
    /** MLflow's code for a path no endpoint serves (not a Lathe failure cause, so not in {@link ErrorCode}). */
    public static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";

    /** The answer to a Lathe failure of cause {@code code}. */
    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(status(code), code.name(), message);
    }

    /** The HTTP status MLflow uses for {@code code}. */
    public static int status(ErrorCode code) {
        return switch (code) {
            case RESOURCE_DOES_NOT_EXIST -> 404;
            case INVALID_PARAMETER_VALUE, BAD_REQUEST, RESOURCE_ALREADY_EXISTS, INVALID_STATE -> 400;
            case IO_ERROR, INTERNAL_ERROR -> 500;
        };
    }

    /** No endpoint at {@code path}. */
    public static ApiError endpointNotFound(String method, String path) {
        return new ApiError(404, ENDPOINT_NOT_FOUND, "No API endpoint " + method + " " + path);
    }

    /** The endpoint exists but not for {@code method}. */
    public static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, ErrorCode.BAD_REQUEST.name(), "Method " + method + " not allowed for " + path);
    }

    public Response response() {
        ObjectNode body = Json.object();
        body.put("error_code", errorCode);
        body.put("message", message);
        return Response.json(status, body);
    }
}
