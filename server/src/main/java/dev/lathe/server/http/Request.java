package dev.lathe.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * One HTTP request as endpoints see it: method, path and its fields, read as MLflow's server reads
 * them: the query string (a repeated parameter becomes an array) overlaid by the JSON body, so that GET
 * with query parameters and POST/PATCH/DELETE with a body both work. The raw body and its content type
 * stay available for endpoints that read another format (the scoring server's CSV); the JSON is parsed
 * on first use of {@link #fields()}.
 */
public final class Request {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final String contentType;
    private final byte[] body;
    private Fields fields;

    public Request(String method, String path, String rawQuery, byte[] body) {
        this(method, path, rawQuery, "", body);
    }

    /** A request whose body has {@code contentType} (the header's value, empty when absent). */
    public Request(String method, String path, String rawQuery, String contentType, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.contentType = contentType == null ? "" : contentType;
        this.body = body;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The query string's fields and the JSON body's (which win), parsed on first use. */
    public Fields fields() {
        if (fields == null) {
            ObjectNode all = queryFields(rawQuery);
            ObjectNode json = Json.parseObject(body, path);
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                all.set(e.getKey(), e.getValue());
            }
            fields = new Fields(all, path);
        }
        return fields;
    }

    /** The query string's fields alone, for requests whose body is not JSON (an artifact upload). */
    public Fields queryFields() {
        return new Fields(queryFields(rawQuery), path);
    }

    /** The request's body as sent. */
    public byte[] body() {
        return body.clone();
    }

    /** The Content-Type header's value, empty when the request has none. */
    public String contentType() {
        return contentType;
    }

    private static ObjectNode queryFields(String rawQuery) {
        ObjectNode out = Json.object();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            JsonNode prior = out.get(key);
            if (prior == null) {
                out.put(key, value);
            } else if (prior instanceof ArrayNode a) {
                a.add(value);
            } else {
                ArrayNode a = Json.array();
                a.add(prior);
                a.add(value);
                out.set(key, a);
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
