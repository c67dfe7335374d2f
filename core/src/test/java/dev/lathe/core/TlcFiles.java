package dev.lathe.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the TLC files committed under {@code data/tlc} at the repository root, from any module. */
public final class TlcFiles {
    private TlcFiles() {}

    public static Path path(String fileName) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("data/tlc").resolve(fileName);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "data/tlc/" + fileName + " not found above " + Path.of("").toAbsolutePath());
    }
}
