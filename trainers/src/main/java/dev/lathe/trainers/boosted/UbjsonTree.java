package dev.lathe.trainers.boosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A UBJSON value as {@link UbjsonCheck} reads it (maps, lists, longs, doubles, strings, booleans) as
 * Jackson's tree, so that {@link TreeWalk} reads a saved booster without XGBoost's native library.
 */
final class UbjsonTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UbjsonTree() {}

    static JsonNode of(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, v) -> o.set((String) k, of(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode(list.size());
            list.forEach(v -> a.add(of(v)));
            return a;
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.nullNode();
    }
}
