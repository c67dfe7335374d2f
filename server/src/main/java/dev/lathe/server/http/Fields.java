package dev.lathe.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of a request's fields (a JSON object: the body, or the query string as one), accepting
 * both forms MLflow's clients send: int64 as numbers or strings (protobuf's JSON), doubles as numbers
 * or "NaN"/"Infinity". A missing required field or a wrong type is an {@link InvalidParameterException}
 * naming the endpoint, the field and the value.
 */
public final class Fields {
    private final ObjectNode node;
    private final String where;

    public Fields(ObjectNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The field's text, absent when missing, null or empty. */
    public Optional<String> optString(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw bad(name, v, "a string");
        }
        String s = v.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The field's text; fails when it is missing, as MLflow: "Missing value for required parameter". */
    public String string(String name) {
        return optString(name)
                .orElseThrow(() -> new InvalidParameterException(
                        "Missing value for required parameter '" + name + "' of " + where));
    }

    /** The first present of two alternative names (MLflow's run_id / run_uuid). */
    public String string(String name, String alternative) {
        return optString(name)
                .or(() -> optString(alternative))
                .orElseThrow(() -> new InvalidParameterException(
                        "Missing value for required parameter '" + name + "' of " + where));
    }

    /** A field that may be an empty string (param and tag values). */
    public String stringAllowEmpty(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidParameterException("Missing value for required parameter '" + name + "' of " + where);
        }
        if (!v.isValueNode()) {
            throw bad(name, v, "a string");
        }
        return v.asText();
    }

    public Optional<Long> optLong(String name) {
        Optional<String> text = optString(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw bad(name, node.get(name), "an integer");
        }
    }

    public Optional<Integer> optInt(String name) {
        return optLong(name).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw bad(name, node.get(name), "a 32-bit integer");
            }
            return v.intValue();
        });
    }

    public int integer(String name) {
        return optInt(name)
                .orElseThrow(() -> new InvalidParameterException(
                        "Missing value for required parameter '" + name + "' of " + where));
    }

    /** A double: a JSON number, or the strings protobuf writes for NaN and the infinities. */
    public double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidParameterException("Missing value for required parameter '" + name + "' of " + where);
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(v.asText());
                    } catch (NumberFormatException e) {
                        throw bad(name, v, "a number");
                    }
            }
        }
        throw bad(name, v, "a number");
    }

    public boolean bool(String name) {
        Optional<String> text = optString(name);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, node.get(name), "true or false");
        };
    }

    /** A repeated string field: a JSON array, or one value (a query parameter given once). */
    public List<String> strings(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    throw bad(name, v, "an array of strings");
                }
                out.add(item.asText());
            }
        } else if (v.isValueNode()) {
            out.add(v.asText());
        } else {
            throw bad(name, v, "an array of strings");
        }
        return out;
    }

    /** A repeated message field: each element as {@code Fields} of its own. */
    public List<Fields> objects(String name) {
        JsonNode v = node.get(name);
        List<Fields> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw bad(name, v, "an array of objects");
        }
        int i = 0;
        for (JsonNode item : v) {
            if (!(item instanceof ObjectNode o)) {
                throw bad(name, v, "an array of objects");
            }
            out.add(new Fields(o, where + " " + name + "[" + i++ + "]"));
        }
        return out;
    }

    /** A nested message field, empty when missing. */
    public Fields object(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return new Fields(Json.object(), where + " " + name);
        }
        if (!(v instanceof ObjectNode o)) {
            throw bad(name, v, "an object");
        }
        return new Fields(o, where + " " + name);
    }

    private InvalidParameterException bad(String name, JsonNode value, String expected) {
        return new InvalidParameterException(
                "Invalid value " + value + " for parameter '" + name + "' of " + where + ": expected " + expected);
    }
}
