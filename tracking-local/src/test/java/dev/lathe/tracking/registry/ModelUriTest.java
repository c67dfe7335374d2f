package dev.lathe.tracking.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ModelStage;
import org.junit.jupiter.api.Test;

/** Parsing of models:/ and runs:/ URIs. */
class ModelUriTest {
    @Test
    void parsesEveryForm() {
        assertEquals(new ModelUri.Version("taxi", 3), ModelUri.parse("models:/taxi/3"));
        assertEquals(new ModelUri.Alias("taxi", "champion"), ModelUri.parse("models:/taxi@champion"));
        assertEquals(new ModelUri.Latest("taxi"), ModelUri.parse("models:/taxi/latest"));
        assertEquals(new ModelUri.InStage("taxi", ModelStage.PRODUCTION), ModelUri.parse("models:/taxi/production"));
        assertEquals(new ModelUri.RunArtifact("abc", "model/m.lathe"), ModelUri.parse("runs:/abc/model/m.lathe"));
    }

    @Test
    void rejectsMalformed() {
        for (String bad : new String[] {
            "models:/",
            "models:/taxi",
            "models:/taxi/",
            "models:/taxi/Prod",
            "models:/@x",
            "runs:/abc",
            "runs:/abc/../x",
            "http://x/y",
            "models:/taxi@"
        }) {
            LatheException e = assertThrows(LatheException.class, () -> ModelUri.parse(bad), bad);
            assertEquals(true, e.getMessage().contains(bad) || bad.contains(".."), e.getMessage());
        }
    }
}
