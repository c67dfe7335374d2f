package dev.lathe.tlc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.pipeline.LegacyRecipes;
import dev.lathe.core.recipe.Recipe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads version-1 pipeline files: their settings block ({@code categorical}, {@code numerical},
 * {@code minMinutes}, {@code maxMinutes}) always meant the TLC duration recipe with those values.
 */
public final class TlcLegacyRecipes implements LegacyRecipes {
    @Override
    public Recipe fromVersion1(String prepConfigJson, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(prepConfigJson);
        } catch (IOException e) {
            throw new DataException(source + ": version-1 recipe settings are not JSON: " + e.getMessage(), e);
        }
        for (String field : List.of("categorical", "numerical", "minMinutes", "maxMinutes")) {
            LatheException.check(
                    ErrorCode.BAD_REQUEST,
                    root != null && root.has(field),
                    "%s: version-1 recipe settings lack field '%s': %s",
                    source,
                    field,
                    prepConfigJson);
        }
        return TlcRecipes.duration(
                strings(root.get("categorical")),
                strings(root.get("numerical")),
                root.get("minMinutes").asDouble(),
                root.get("maxMinutes").asDouble());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
