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
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            Optional<Map<String, Handler>> methods = routes.find(path);
            if (methods.isEmpty()) {
                return ApiError.endpointNotFound(method, path).response();
            }
            Handler handler = methods.get().get(method);
            if (handler == null) {
                return ApiError.methodNotAllowed(method, path).response();
            }
            Request request = new Request(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body(exchange));
            return handler.handle(request);
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
    static final int MAX_BODY_BYTES = 16 << 20;

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new InvalidParameterException(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + ": the request body is larger than "
                        + (MAX_BODY_BYTES >> 20) + " MiB");
            }
            return body;
        }
    }
}
