package dev.lathe.server.api;

import dev.lathe.server.http.Handler;
import dev.lathe.server.http.RouteTable;
import java.util.List;

/**
 * Registers an MLflow endpoint under both of MLflow's prefixes: {@code /api/2.0/mlflow/} (clients) and
 * {@code /ajax-api/2.0/mlflow/} (what MLflow's own web UI calls).
 */
final class ApiRoutes {
    static final List<String> PREFIXES = List.of("/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/");

    private final RouteTable table;

    ApiRoutes(RouteTable table) {
        this.table = table;
    }

    ApiRoutes get(String endpoint, Handler handler) {
        return on(List.of("GET"), endpoint, handler);
    }

    ApiRoutes post(String endpoint, Handler handler) {
        return on(List.of("POST"), endpoint, handler);
    }

    ApiRoutes patch(String endpoint, Handler handler) {
        return on(List.of("PATCH"), endpoint, handler);
    }

    ApiRoutes delete(String endpoint, Handler handler) {
        return on(List.of("DELETE"), endpoint, handler);
    }

    /** Both GET (query string) and POST (JSON body), as MLflow serves its searches. */
    ApiRoutes getOrPost(String endpoint, Handler handler) {
        return on(List.of("GET", "POST"), endpoint, handler);
    }

    private ApiRoutes on(List<String> methods, String endpoint, Handler handler) {
        for (String prefix : PREFIXES) {
            table.add(methods, prefix + endpoint, handler);
        }
        return this;
    }
}
