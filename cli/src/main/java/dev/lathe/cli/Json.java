package dev.lathe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lathe.core.LatheException;

/** Serialises command results as one-line JSON (maps, lists, records) for scripting. */
final class Json {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {}

    /** Reads a JSON array of strings (as {@link #object} writes a list); {@code what} names it in errors. */
    static java.util.List<String> strings(String text, String what) {
        try {
            return java.util.List.of(MAPPER.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new dev.lathe.core.InvalidParameterException(
                    what + " must be a JSON array of strings, got '" + text + "': " + e.getOriginalMessage(), e);
        }
    }

    static String object(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
