package dev.lathe.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;

/** The server's one JSON codec (Jackson; NaN and infinities written as MLflow writes them, as strings). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; an empty body is an empty object. */
    public static ObjectNode parseObject(byte[] body, String endpoint) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException(
                    "request body of " + endpoint + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new InvalidParameterException("cannot read the request body of " + endpoint + ": " + e, e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return object();
        }
        if (!(node instanceof ObjectNode o)) {
            throw new InvalidParameterException(
                    "request body of " + endpoint + " must be a JSON object, got " + node.getNodeType());
        }
        return o;
    }

    /** Parses any JSON text (tests and clients of the server). */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot write JSON response: " + e.getOriginalMessage(), e);
        }
    }
}
