package dev.lathe.core.io;

import dev.lathe.core.StorageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file through a temporary sibling moved into place, so readers never see it half written,
 * with the permissions of any file the user creates (the process umask), not the owner-only mode
 * that {@link Files#createTempFile} would give it.
 */
public final class AtomicFile {
    /** Writes the content to an output stream; may throw I/O errors. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /** Writes {@code bytes} to {@code file}; {@code what} names the file in errors ("model", "artifact 'x'"). */
    public static void write(Path file, byte[] bytes, String what) {
        write(file, out -> out.write(bytes), what);
    }

    /**
     * Writes what {@code content} produces to {@code file}, creating parent directories. The bytes go to a
     * temporary sibling, are forced to disk and only then moved over {@code file}; on any failure (an I/O
     * error such as a full disk, or {@code content} throwing) the temporary is deleted and {@code file}
     * keeps what it had (or stays absent).
     */
    public static void write(Path file, Content content, String what) {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw new StorageException("cannot write " + what + " to " + file + ": " + e, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path tmp, Throwable cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
