package dev.lathe.tracking.artifacts;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.core.io.AtomicFile;
import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.tracking.validation.Printable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's artifacts on the local file system, rooted at its artifact URI. Files are written to a
 * temporary sibling and moved into place, so readers never see half-written artifacts.
 */
public final class LocalArtifactRepository {
    private final Path root;

    public LocalArtifactRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The local path of {@code relative} (validated); it may not exist yet. Its real path (symbolic links
     * of its existing part resolved) must stay under the root's, so no link inside the run's artifacts
     * carries a read or a write out of them.
     */
    public Path resolve(String relative) {
        String normal = ArtifactPaths.normalise(relative, true);
        Path p;
        try {
            p = normal.isEmpty() ? root : root.resolve(normal).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidParameterException(
                    "invalid artifact path '" + Printable.of(relative) + "': " + e.getReason(), e);
        }
        LatheException.check(p.startsWith(root), "artifact path '%s' escapes the artifact root %s", relative, root);
        Path real = RealPaths.of(p);
        LatheException.check(
                real.startsWith(RealPaths.of(root)),
                "artifact path '%s' leads through a symbolic link out of the artifact root %s (to %s);"
                        + " artifacts are only read and written inside it",
                relative,
                root,
                real);
        return p;
    }

    public void write(String relative, byte[] content) {
        Path target = resolve(ArtifactPaths.normalise(relative, false));
        AtomicFile.write(target, content, "artifact '" + relative + "'");
    }

    /**
     * As MLflow's log_artifacts: a local directory's contents go under {@code relativeDir} ("" for the
     * root); a single file goes to {@code relativeDir/<file name>}. Unlike MLflow, a symbolic link in the
     * folder that points outside it is refused (naming the link) before anything is written: content from
     * outside the logged folder is never copied into the store. Links to files inside it are copied as
     * the files; links to folders inside it are skipped (their files are logged where they really are).
     */
    public void copyIn(Path local, String relativeDir) {
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST, Files.exists(local), "local artifact %s does not exist", local);
        String dir = ArtifactPaths.normalise(relativeDir, true);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        try {
            if (Files.isDirectory(local)) {
                Map<String, Path> files = filesInside(local);
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    resolve(prefix + f.getKey());
                }
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    write(prefix + f.getKey(), Files.readAllBytes(f.getValue()));
                }
            } else {
                write(prefix + local.getFileName(), Files.readAllBytes(local));
            }
        } catch (IOException e) {
            throw new StorageException("cannot copy local artifact " + local + " into " + root + ": " + e, e);
        }
    }

    /**
     * The files of {@code folder} by relative path (sorted), each a regular file or a link to one inside
     * the folder; a link leading outside it is an error.
     */
    private static Map<String, Path> filesInside(Path folder) throws IOException {
        Path base = folder.toRealPath();
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(f)) {
                    Path target = RealPaths.of(f);
                    LatheException.check(
                            target.startsWith(base),
                            "cannot log folder %s: symbolic link %s points to %s, outside the folder;"
                                    + " nothing was logged (remove the link or copy its target into the folder)",
                            folder,
                            f,
                            target);
                    if (!Files.isRegularFile(target)) {
                        continue;
                    }
                } else if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                out.put(folder.relativize(f).toString().replace('\\', '/'), f);
            }
        }
        return out;
    }

    /** Direct children of {@code relativeDir}, sorted by path; empty when it does not exist. */
    public List<ArtifactInfo> list(String relativeDir) {
        Path dir = resolve(relativeDir);
        String base = ArtifactPaths.normalise(relativeDir, true);
        List<ArtifactInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Path realRoot = RealPaths.of(root);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : (Iterable<Path>) children.sorted()::iterator) {
                String name = c.getFileName().toString();
                if (name.startsWith(".tmp-") || !RealPaths.of(c).startsWith(realRoot)) {
                    continue; // a temporary file, or a symbolic link out of the artifacts: not an artifact
                }
                String rel = base.isEmpty() ? name : base + "/" + name;
                boolean isDir = Files.isDirectory(c);
                out.add(new ArtifactInfo(rel, isDir, isDir ? 0L : Files.size(c)));
            }
        } catch (IOException e) {
            throw new StorageException("cannot list artifacts in " + dir + ": " + e, e);
        }
        return out;
    }

    public byte[] read(String relative) {
        Path f = resolve(ArtifactPaths.normalise(relative, false));
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST,
                Files.isRegularFile(f),
                "artifact '%s' does not exist under %s",
                relative,
                root);
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new StorageException("cannot read artifact " + f + ": " + e, e);
        }
    }

    /** Copies the artifact file or directory {@code relative} into {@code destinationDir}. */
    public Path download(String relative, Path destinationDir) {
        Path src = resolve(relative);
        LatheException.check(
                ErrorCode.RESOURCE_DOES_NOT_EXIST,
                Files.exists(src),
                "artifact '%s' does not exist under %s",
                relative,
                root);
        Path dst = destinationDir.resolve(
                src.equals(root) ? "artifacts" : src.getFileName().toString());
        try {
            Files.createDirectories(destinationDir);
            copyTree(src, dst);
        } catch (IOException e) {
            throw new StorageException("cannot download artifact '" + relative + "' to " + dst + ": " + e, e);
        }
        return dst;
    }

    /**
     * Recursively copies a file or a directory tree; a symbolic link in the tree that leads out of
     * {@code src} is refused before anything is copied, so no content from outside is copied along.
     */
    public static void copyTree(Path src, Path dst) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.createDirectories(dst.toAbsolutePath().getParent());
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Path base = src.toRealPath();
        try (Stream<Path> all = Files.walk(src)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isSymbolicLink)::iterator) {
                LatheException.check(
                        RealPaths.of(f).startsWith(base),
                        "cannot copy %s: symbolic link %s points to %s, outside it",
                        src,
                        f,
                        RealPaths.of(f));
            }
        }
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(dst.resolve(src.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, dst.resolve(src.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
