package dev.lathe.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIOTest {
    @Test
    void roundTripsThroughTheCodecRegistry(@TempDir Path dir) {
        Path f = dir.resolve("m/model.lathe");
        ModelIO.save(new MeanModel(7.25), f);
        assertEquals(new MeanModel(7.25), ModelIO.load(f));
        assertEquals(new MeanModel(-1.5), ModelIO.fromBytes(ModelIO.toBytes(new MeanModel(-1.5))));
    }

    @Test
    void foreignFilesAndUnknownKindsAreClearErrors(@TempDir Path dir) throws IOException {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        LatheException e = assertThrows(LatheException.class, () -> ModelIO.load(junk));
        assertTrue(e.getMessage().contains("not a Lathe model file"), e.getMessage());
        byte[] bytes = ModelIO.toBytes(new MeanModel(1));
        bytes[13] = 'X'; // corrupt the kind name "test-mean"
        LatheException unknown = assertThrows(LatheException.class, () -> ModelIO.fromBytes(bytes));
        assertTrue(unknown.getMessage().contains("no codec"), unknown.getMessage());
        assertThrows(LatheException.class, () -> ModelIO.load(dir.resolve("missing.lathe")));
    }
}
