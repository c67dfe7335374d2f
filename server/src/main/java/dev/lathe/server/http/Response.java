package dev.lathe.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * What an endpoint answers: an HTTP status, a content type, the body's bytes and the
 * Content-Security-Policy sent with it (this origin only, unless a response says otherwise).
 */
public record Response(int status, String contentType, byte[] body, String securityPolicy) {
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";

    /** Scripts, styles, images and requests from this server only; no frames of other origins, no plugins. */
    public static final String SELF_ONLY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    /** A response with the {@link #SELF_ONLY} policy. */
    public Response(int status, String contentType, byte[] body) {
        this(status, contentType, body, SELF_ONLY);
    }

    /** The same response with another Content-Security-Policy. */
    public Response withSecurityPolicy(String policy) {
        return new Response(status, contentType, body, policy);
    }

    /** 200 with {@code json} as the body. */
    public static Response json(JsonNode json) {
        return json(200, json);
    }

    /** {@code status} with {@code json} as the body. */
    public static Response json(int status, JsonNode json) {
        return new Response(status, JSON, Json.bytes(json));
    }

    /** 200 with an empty JSON object, what MLflow answers to writes that return nothing. */
    public static Response empty() {
        return json(Json.object());
    }

    /** 200 with an HTML page. */
    public static Response html(String page) {
        return new Response(200, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with raw bytes (an artifact). */
    public static Response bytes(String contentType, byte[] content) {
        return new Response(200, contentType, content);
    }
}
