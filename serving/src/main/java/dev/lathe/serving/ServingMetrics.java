package dev.lathe.serving;

import dev.lathe.core.LatheException;
import dev.lathe.server.http.ApiError;
import dev.lathe.server.http.Handler;
import dev.lathe.server.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code GET /metrics} shows, in Prometheus' text format: requests by path and status, errors
 * (status 400 and above) by path, a latency histogram per path, rows predicted and model reloads.
 * {@link #timed} wraps each route's handler to count it.
 */
final class ServingMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String REQUESTS = "lathe_serving_requests_total";
    static final String ERRORS = "lathe_serving_request_errors_total";
    static final String LATENCY = "lathe_serving_request_duration_seconds";
    static final String PREDICTIONS = "lathe_serving_predictions_total";
    static final String RELOADS = "lathe_serving_model_reloads_total";

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final LongAdder predictions = new LongAdder();
    private final ServedModel model;

    ServingMetrics(ServedModel model) {
        this.model = model;
    }

    /** {@code handler} counted under {@code path}: its status, and how long it took. */
    Handler timed(String path, Handler handler) {
        LatencyHistogram histogram = latency.computeIfAbsent(path, p -> new LatencyHistogram());
        return request -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                Response response = handler.handle(request);
                status = response.status();
                return response;
            } catch (LatheException e) {
                status = ApiError.status(e.errorCode());
                throw e;
            } finally {
                histogram.record(System.nanoTime() - start);
                requests.computeIfAbsent(labels(path) + ",code=\"" + status + "\"", k -> new LongAdder())
                        .increment();
                if (status >= 400) {
                    errors.computeIfAbsent(labels(path), k -> new LongAdder()).increment();
                }
            }
        };
    }

    void predicted(int rows) {
        predictions.add(rows);
    }

    Response response() {
        StringBuilder out = new StringBuilder();
        counter(out, REQUESTS, "Requests answered, by path and HTTP status.", requests);
        counter(out, ERRORS, "Requests answered with status 400 or above, by path.", errors);
        out.append("# HELP ").append(LATENCY).append(" Time to answer a request, by path.\n");
        out.append("# TYPE ").append(LATENCY).append(" histogram\n");
        new TreeMap<>(latency).forEach((path, h) -> h.write(out, LATENCY, labels(path)));
        out.append("# HELP ").append(PREDICTIONS).append(" Rows predicted.\n");
        out.append("# TYPE ").append(PREDICTIONS).append(" counter\n");
        out.append(PREDICTIONS).append(' ').append(predictions.sum()).append('\n');
        out.append("# HELP ").append(RELOADS).append(" Times the followed alias moved and another model was loaded.\n");
        out.append("# TYPE ").append(RELOADS).append(" counter\n");
        out.append(RELOADS).append(' ').append(model.reloads()).append('\n');
        return new Response(200, CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((labels, n) -> out.append(name)
                .append('{')
                .append(labels)
                .append("} ")
                .append(n.sum())
                .append('\n'));
    }

    private static String labels(String path) {
        return "path=\"" + path + "\"";
    }
}
