package dev.lathe.serving;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.ColumnValues;
import dev.lathe.server.http.ApiError;
import dev.lathe.server.http.Handler;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /invocations}: reads the rows (JSON in one of MLflow's four layouts, or CSV), scores them
 * with the model served now and answers {@code {"predictions": [...]}}. A missing column or a bad value
 * is MLflow's error JSON with status 400 naming the column and value; an unknown content type is 415. A
 * small body is scored on the connection's thread; a larger one on the scoring pool, and when that takes
 * longer than the timeout it is answered 503 (its scoring finishes in the background).
 */
final class Invocations implements Handler {
    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    /**
     * Bodies up to this size (a few dozen rows) are scored on the connection's own thread: scoring them
     * takes microseconds, and handing them to the scoring pool and back cost more than that (two thread
     * switches a request, on a server pinned to one core). Larger bodies go through the pool, under the
     * request timeout.
     */
    static final int INLINE_MAX_BYTES = 16 << 10;

    private final ServedModel model;
    private final ServingMetrics metrics;
    private final ExecutorService scoring;
    private final Duration timeout;

    Invocations(ServedModel model, ServingMetrics metrics, ExecutorService scoring, Duration timeout) {
        this.model = model;
        this.metrics = metrics;
        this.scoring = scoring;
        this.timeout = timeout;
    }

    @Override
    public Response handle(Request request) {
        String type = mediaType(request.contentType());
        if (!type.equals(JSON) && !type.equals(CSV)) {
            return new ApiError(
                            415,
                            "BAD_REQUEST",
                            "this server reads the content types " + CSV + " and " + JSON + ", got '"
                                    + request.contentType() + "'")
                    .response();
        }
        byte[] rows = request.body();
        if (rows.length <= INLINE_MAX_BYTES) {
            return answer(score(type, rows));
        }
        Future<double[]> scored = scoring.submit(() -> score(type, rows));
        try {
            return answer(scored.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            scored.cancel(true);
            return new ApiError(
                            503,
                            "TEMPORARILY_UNAVAILABLE",
                            "scoring took longer than the request timeout of " + timeout.toMillis() + " ms")
                    .response();
        } catch (InterruptedException e) {
            scored.cancel(true);
            Thread.currentThread().interrupt();
            throw new LatheException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LatheException l) {
                throw l;
            }
            throw new LatheException("scoring failed: " + e.getCause(), e.getCause());
        }
    }

    private Response answer(double[] predictions) {
        metrics.predicted(predictions.length);
        ObjectNode body = Json.object();
        ArrayNode values = body.putArray("predictions");
        for (double p : predictions) {
            values.add(p);
        }
        return Response.json(body);
    }

    private double[] score(String type, byte[] body) {
        ColumnValues rows = type.equals(JSON) ? ScoringRequest.json(body) : ScoringRequest.csv(body);
        if (rows.rows() == 0) {
            return new double[0];
        }
        FittedPipeline pipeline = model.current().pipeline();
        Set<String> missing = new TreeSet<>(pipeline.recipe().scoringColumns());
        missing.removeAll(rows.names());
        if (!missing.isEmpty()) {
            throw new DataException("the request has no column " + String.join(", ", missing) + " (the model reads "
                    + String.join(", ", new TreeSet<>(pipeline.recipe().scoringColumns())) + "; the request has "
                    + String.join(", ", rows.names()) + ")");
        }
        return pipeline.predict(rows);
    }

    /** The media type without parameters, lower case: {@code application/json; charset=utf-8} is JSON. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
