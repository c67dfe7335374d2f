package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.TrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts: files and directories under the run's artifact location; list, read, download; safe paths. */
public interface ArtifactContract extends StoreFixture {

    @Test
    default void logListReadDownload(@TempDir Path dir) throws IOException {
        try (TrackingStore store = newStore(dir.resolve("store"))) {
            String id = newRun(store, "e").runId();
            byte[] model = {1, 2, 3, 4, 5};
            store.logArtifact(id, "model/model.lathe", model);
            store.logArtifact(id, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            Path local = dir.resolve("plots");
            Files.createDirectories(local.resolve("sub"));
            Files.writeString(local.resolve("a.csv"), "x,y\n1,2\n");
            Files.writeString(local.resolve("sub/b.txt"), "b");
            store.logArtifacts(id, local, "figures");
            assertEquals(
                    List.of(
                            new ArtifactInfo("figures", true, 0),
                            new ArtifactInfo("model", true, 0),
                            new ArtifactInfo("notes.txt", false, 5)),
                    store.listArtifacts(id, ""));
            assertEquals(
                    List.of(new ArtifactInfo("figures/a.csv", false, 8), new ArtifactInfo("figures/sub", true, 0)),
                    store.listArtifacts(id, "figures"));
            store.logArtifacts(id, local.resolve("a.csv"), "single");
            assertEquals(List.of(new ArtifactInfo("single/a.csv", false, 8)), store.listArtifacts(id, "single"));
            assertArrayEquals(model, store.readArtifact(id, "model/model.lathe"));
            Path run = store.artifactPath(id, "");
            assertTrue(Files.isRegularFile(run.resolve("model/model.lathe")));
            Path down = store.downloadArtifacts(id, "figures", dir.resolve("down"));
            assertEquals("b", Files.readString(down.resolve("sub/b.txt")));
            Path file = store.downloadArtifacts(id, "notes.txt", dir.resolve("down2"));
            assertEquals("hello", Files.readString(file));
            assertEquals(List.of(), store.listArtifacts(id, "absent"));
        }
    }

    @Test
    default void unsafePathsAreRejected(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            for (String bad : List.of("../escape.txt", "a/../../b", "/etc/passwd", "C:/x", "..")) {
                LatheException e =
                        assertThrows(LatheException.class, () -> store.logArtifact(id, bad, new byte[1]), bad);
                assertTrue(e.getMessage().contains(bad), e.getMessage());
                assertThrows(LatheException.class, () -> store.readArtifact(id, bad), bad);
            }
            assertThrows(LatheException.class, () -> store.logArtifact(id, "", new byte[1]));
            LatheException missing = assertThrows(LatheException.class, () -> store.readArtifact(id, "nope.bin"));
            assertTrue(missing.getMessage().contains("nope.bin"), missing.getMessage());
        }
    }
}
