package dev.lathe.tracking.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links never carry artifact reads or writes out of a run's artifact directory, and logging a
 * folder never copies what its links point to outside it: real paths are checked, not names.
 */
class ArtifactSymlinkTest {
    private static final byte[] SECRET = "secret outside the store".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path outside;

    @BeforeEach
    void outsideTheStore() throws IOException {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("secret.txt"), SECRET);
    }

    @Test
    void linksInsideARunsArtifactsCannotBeReadOrWrittenThrough() throws IOException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String run = store.createRun(RunSpec.builder("0").build()).runId();
            store.logArtifact(run, "kept.txt", SECRET);
            Path artifacts = store.artifactPath(run, "");
            Files.createSymbolicLink(artifacts.resolve("dirlink"), outside);
            Files.createSymbolicLink(artifacts.resolve("filelink.txt"), outside.resolve("secret.txt"));

            InvalidParameterException read =
                    assertThrows(InvalidParameterException.class, () -> store.readArtifact(run, "dirlink/secret.txt"));
            assertTrue(read.getMessage().contains("dirlink/secret.txt"), read.getMessage());
            assertTrue(read.getMessage().contains("symbolic link"), read.getMessage());
            assertThrows(InvalidParameterException.class, () -> store.readArtifact(run, "filelink.txt"));
            assertThrows(InvalidParameterException.class, () -> store.artifactPath(run, "dirlink/secret.txt"));
            assertThrows(InvalidParameterException.class, () -> store.listArtifacts(run, "dirlink"));
            assertThrows(
                    InvalidParameterException.class, () -> store.downloadArtifacts(run, "", dir.resolve("download")));
            assertFalse(containsSecret(dir.resolve("download")), "a download copied a file from outside the store");

            InvalidParameterException write = assertThrows(
                    InvalidParameterException.class, () -> store.logArtifact(run, "dirlink/planted.txt", SECRET));
            assertTrue(write.getMessage().contains("dirlink/planted.txt"), write.getMessage());
            assertThrows(
                    InvalidParameterException.class,
                    () -> store.logArtifact(run, "dirlink/deeper/planted.txt", SECRET));
            // A dangling link is judged by where it leads once its target is created.
            Files.createSymbolicLink(artifacts.resolve("dangling"), outside.resolve("not-yet"));
            assertThrows(InvalidParameterException.class, () -> store.logArtifact(run, "dangling/planted.txt", SECRET));
            Files.delete(artifacts.resolve("dangling"));
            try (Stream<Path> files = Files.list(outside)) {
                assertEquals(List.of(outside.resolve("secret.txt")), files.toList(), "a write landed outside");
            }

            // The run's own artifacts stay readable, and the listing does not follow the links out.
            assertArrayEquals(SECRET, store.readArtifact(run, "kept.txt"));
            List<String> listed = store.listArtifacts(run, "").stream()
                    .map(ArtifactInfo::path)
                    .toList();
            assertEquals(List.of("kept.txt"), listed);
        }
    }

    @Test
    void loggingAFolderRefusesLinksThatLeaveItAndStoresNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.write(folder.resolve("a.txt"), "a".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(folder.resolve("inner-link.txt"), folder.resolve("a.txt"));
        Files.createSymbolicLink(folder.resolve("leak.txt"), outside.resolve("secret.txt"));
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String run;
            try (ActiveRun active = store.startRun(RunSpec.builder("0").build())) {
                run = active.runId();
                InvalidParameterException e =
                        assertThrows(InvalidParameterException.class, () -> store.logArtifacts(run, folder, "logged"));
                assertTrue(e.getMessage().contains("leak.txt"), e.getMessage());
                assertTrue(store.listArtifacts(run, "").isEmpty(), "a refused folder was partly logged");

                Files.delete(folder.resolve("leak.txt"));
                Files.createSymbolicLink(folder.resolve("dir-leak"), outside);
                assertThrows(InvalidParameterException.class, () -> store.logArtifacts(run, folder, "logged"));
                Files.delete(folder.resolve("dir-leak"));

                // A link to a file inside the logged folder is fine: its content is the folder's own.
                store.logArtifacts(run, folder, "logged");
            }
            assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), store.readArtifact(run, "logged/inner-link.txt"));
            assertFalse(containsSecret(store.artifactPath(run, "")));
        }
    }

    private static boolean containsSecret(Path root) throws IOException {
        if (!Files.exists(root)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (java.util.Arrays.equals(Files.readAllBytes(p), SECRET) && !Files.isSymbolicLink(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
