package dev.lathe.evaluation.autolog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;

/** JSON rendering of autolog artifacts (feature-name schemas, importances). */
final class AutologJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AutologJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot write autolog JSON: " + e.getMessage(), e);
        }
    }
}
