package dev.lathe.server.http;

import dev.lathe.core.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server's routes: exact paths, each with a handler per HTTP method. The REST API, the index page
 * and later the UI's pages register here; {@link #routes()} lists them (for docs and tests).
 */
public final class RouteTable {
    private final Map<String, Map<String, Handler>> byPath = new LinkedHashMap<>();

    /** Adds {@code handler} for {@code method} on {@code path}; a path and method may be taken once. */
    public RouteTable add(String method, String path, Handler handler) {
        Map<String, Handler> methods = byPath.computeIfAbsent(path, p -> new TreeMap<>());
        String m = method.toUpperCase(Locale.ROOT);
        if (methods.putIfAbsent(m, handler) != null) {
            throw new InvalidParameterException("route " + m + " " + path + " is registered twice");
        }
        return this;
    }

    /** Adds the same handler for several methods (MLflow serves some endpoints on GET and POST). */
    public RouteTable add(List<String> methods, String path, Handler handler) {
        methods.forEach(m -> add(m, path, handler));
        return this;
    }

    /** The handlers of {@code path} by method, absent when no route has that path. */
    public Optional<Map<String, Handler>> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Every route as "METHOD path", in registration order. */
    public List<String> routes() {
        return byPath.entrySet().stream()
                .flatMap(e -> e.getValue().keySet().stream().map(m -> m + " " + e.getKey()))
                .toList();
    }
}
