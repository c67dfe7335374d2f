package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.MeanModel;
import dev.lathe.core.model.ModelIO;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    /** The mode any new file of this process gets (0666 less the umask): what Lathe's files must have. */
    private Set<PosixFilePermission> defaultMode() throws IOException {
        Path reference = dir.resolve("reference");
        try (OutputStream out = Files.newOutputStream(reference)) {
            out.write(1);
        }
        return Files.getPosixFilePermissions(reference);
    }

    @Test
    void filesFollowTheUmaskNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> expected = defaultMode();
        Path model = dir.resolve("models/m.lathe");
        ModelIO.save(new MeanModel(2.5), model);
        assertEquals(expected, Files.getPosixFilePermissions(model));
        Path bytes = dir.resolve("b.bin");
        AtomicFile.write(bytes, new byte[] {1, 2, 3}, "test file");
        assertEquals(expected, Files.getPosixFilePermissions(bytes));
    }

    @Test
    void replacesContentAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("f.bin");
        AtomicFile.write(f, new byte[] {1, 2, 3}, "test file");
        AtomicFile.write(f, new byte[] {9}, "test file");
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndNamesIt() throws IOException {
        Path f = dir.resolve("keep.bin");
        AtomicFile.write(f, new byte[] {7}, "test file");
        LatheException e = assertThrows(
                LatheException.class,
                () -> AtomicFile.write(
                        f,
                        out -> {
                            out.write(1);
                            throw new IOException("disk full");
                        },
                        "test file"));
        assertEquals(true, e.getMessage().contains("cannot write test file to " + f), e.getMessage());
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "the temporary file is removed");
        }
    }

    /** Serialisation that fails half-way (not an I/O error) leaves neither the file nor a temporary. */
    @Test
    void aWriterThatThrowsMidWayLeavesNoPartialFile() throws IOException {
        Path f = dir.resolve("out/model.lathe");
        IllegalStateException thrown = new IllegalStateException("encoder broke");
        IllegalStateException seen = assertThrows(
                IllegalStateException.class,
                () -> AtomicFile.write(
                        f,
                        out -> {
                            out.write(new byte[100_000]);
                            throw thrown;
                        },
                        "pipeline"));
        assertEquals(thrown, seen, "the cause propagates unchanged");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of(), files.toList(), "no partial or temporary file is left");
        }
    }

    /** A target whose parent is a file: an error naming the target, nothing created. */
    @Test
    void aTargetThatCannotBeCreatedIsAnErrorNamingIt() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        Path f = notADir.resolve("model.lathe");
        LatheException e = assertThrows(LatheException.class, () -> AtomicFile.write(f, new byte[] {1}, "pipeline"));
        assertEquals(true, e.getMessage().contains(f.toString()), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(notADir), files.toList());
        }
    }
}
