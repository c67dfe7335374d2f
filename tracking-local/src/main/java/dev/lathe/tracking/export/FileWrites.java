package dev.lathe.tracking.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the export's files as MLflow's FileStore does: UTF-8 text, parent directories created. */
final class FileWrites {
    private FileWrites() {}

    static void text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void directory(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
