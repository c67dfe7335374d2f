package dev.lathe.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK server's one handler: finds the route of each exchange, runs it and writes its response,
 * turning every failure into MLflow's error JSON (a {@link LatheException} by its code, anything else
 * as INTERNAL_ERROR, logged).
 */
public final class Dispatcher implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final RouteTable routes;

    public Dispatcher(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response = respond(exchange);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", response.securityPolicy());
            byte[] body = response.body();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Response respond(HttpExchange exchange) {
        return respond(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                () -> body(exchange));
    }

    /** A request's body, read once its route is found (a request to no route is answered unread). */
    @FunctionalInterface
    public interface Body {
        byte[] read() throws IOException;
    }

    /**
     * The answer to one request whatever carried it: its route's response, or MLflow's error JSON for no
     * route, a method the route lacks, or a failure (a {@link LatheException} by its code, anything else
     * as INTERNAL_ERROR, logged).
     */
    public Response respond(String method, String path, String rawQuery, String contentType, Body body) {
        try {
            Optional<Map<String, Handler>> methods = routes.find(path);
            if (methods.isEmpty()) {
                return ApiError.endpointNotFound(method, path).response();
            }
            Handler handler = methods.get().get(method);
            if (handler == null) {
                return ApiError.methodNotAllowed(method, path).response();
            }
            return handler.handle(new Request(method, path, rawQuery, contentType, body.read()));
        } catch (LatheException e) {
            if (ApiError.status(e.errorCode()) >= 500) {
                LOG.log(System.Logger.Level.WARNING, method + " " + path + " failed", e);
            }
            return ApiError.of(e.errorCode(), e.getMessage()).response();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, method + " " + path + " failed", e);
            return ApiError.of(ErrorCode.INTERNAL_ERROR, method + " " + path + " failed: " + e)
                    .response();
        }
    }

    /** Bodies above this are refused before they are read whole (MLflow's upload limit is 10 MB). */
    public static final int MAX_BODY_BYTES = 16 << 20;

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            }
            return body;
        }
    }

    /** The failure of a request whose body is larger than {@link #MAX_BODY_BYTES}. */
    public static InvalidParameterException tooLarge(String method, String path) {
        return new InvalidParameterException(
                method + " " + path + ": the request body is larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
    }
}
