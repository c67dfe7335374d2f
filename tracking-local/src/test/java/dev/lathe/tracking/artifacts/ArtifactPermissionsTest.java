package dev.lathe.tracking.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.export.MlflowFileStoreExporter;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts, their downloads and exports get the mode of any file the user creates (umask), not 0600. */
class ArtifactPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void loggedDownloadedAndExportedFilesFollowTheUmask() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        byte[] content = "weights".getBytes(StandardCharsets.UTF_8);
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("store"))) {
            String runId = store.createRun(
                            RunSpec.builder(store.getOrCreateExperiment("perm")).build())
                    .runId();
            store.logArtifact(runId, "model/pipeline.lathe", content);
            store.logArtifacts(runId, reference, "inputs");
            Path logged = store.artifactPath(runId, "model/pipeline.lathe");
            assertArrayEquals(content, Files.readAllBytes(logged));
            assertEquals(expected, Files.getPosixFilePermissions(logged));
            assertEquals(expected, Files.getPosixFilePermissions(store.artifactPath(runId, "inputs/reference.txt")));
            Path downloaded = store.downloadArtifacts(runId, "model", dir.resolve("download"));
            try (Stream<Path> files = Files.walk(downloaded)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    assertEquals(expected, Files.getPosixFilePermissions(f), f.toString());
                }
            }
            new MlflowFileStoreExporter(store).export(dir.resolve("mlruns"));
        }
        try (Stream<Path> files = Files.walk(dir.resolve("mlruns"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertEquals(expected, Files.getPosixFilePermissions(f), f.toString());
            }
        }
    }
}
