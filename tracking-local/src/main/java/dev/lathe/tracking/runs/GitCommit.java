package dev.lathe.tracking.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The git commit of a working directory, read from the {@code .git} files (HEAD, loose refs,
 * packed-refs, worktree {@code gitdir:} links) without running git. Absent when there is no repository
 * or it cannot be read.
 */
public final class GitCommit {
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}([0-9a-f]{24})?$");

    private GitCommit() {}

    /** Looks for {@code .git} in {@code dir} and its parents. */
    public static Optional<String> of(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.exists(dotGit)) {
                return fromDotGit(dotGit);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromDotGit(Path dotGit) {
        try {
            Path gitDir = dotGit;
            if (Files.isRegularFile(dotGit)) {
                String link = read(dotGit);
                if (!link.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                gitDir = dotGit.getParent()
                        .resolve(link.substring("gitdir:".length()).trim());
            }
            String head = read(gitDir.resolve("HEAD"));
            if (SHA.matcher(head).matches()) {
                return Optional.of(head);
            }
            if (!head.startsWith("ref:")) {
                return Optional.empty();
            }
            String ref = head.substring("ref:".length()).trim();
            Path commonDir = gitDir;
            Path commonFile = gitDir.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
                commonDir = gitDir.resolve(read(commonFile));
            }
            for (Path base : List.of(gitDir, commonDir)) {
                Path loose = base.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    String sha = read(loose);
                    return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
                }
            }
            Path packed = commonDir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length == 2
                            && parts[1].equals(ref)
                            && SHA.matcher(parts[0]).matches()) {
                        return Optional.of(parts[0]);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            // An unreadable repository means "no code version", which is what the caller records.
            return Optional.empty();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
