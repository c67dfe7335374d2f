package dev.lathe.tracking.artifacts;

import dev.lathe.core.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a path really leads: its deepest existing part with every symbolic link resolved (a dangling
 * link followed to its target), then the rest as named, so containment checks see through links.
 */
final class RealPaths {
    /** As the kernel's limit on links followed in one lookup (ELOOP). */
    private static final int MAX_LINKS = 40;

    private RealPaths() {}

    static Path of(Path path) {
        return of(path.toAbsolutePath().normalize(), MAX_LINKS);
    }

    private static Path of(Path path, int linksLeft) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        Path rest = existing.relativize(path);
        try {
            if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                // A dangling link: where it would lead once its target is created.
                if (linksLeft == 0) {
                    throw new StorageException("too many levels of symbolic links at " + existing);
                }
                Path parent = existing.getParent();
                Path target = parent.resolve(Files.readSymbolicLink(existing)).normalize();
                return of(target.resolve(rest).normalize(), linksLeft - 1);
            }
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            throw new StorageException("cannot resolve the real path of " + path + ": " + e, e);
        }
    }
}
