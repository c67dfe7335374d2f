package dev.lathe.tracking.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the commit from .git files: loose refs, packed refs, detached HEAD, worktree links, none. */
class GitCommitTest {
    private static final String SHA_A = "0123456789abcdef0123456789abcdef01234567";
    private static final String SHA_B = "89abcdef0123456789abcdef0123456789abcdef";

    @Test
    void looseRefFromASubdirectory(@TempDir Path dir) throws IOException {
        Path git = dir.resolve(".git");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("refs/heads/main"), SHA_A + "\n");
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        assertEquals(Optional.of(SHA_A), GitCommit.of(sub));
    }

    @Test
    void packedRefAndDetachedHead(@TempDir Path dir) throws IOException {
        Path git = Files.createDirectories(dir.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/dev\n");
        Files.writeString(
                git.resolve("packed-refs"),
                "# pack-refs with: peeled\n" + SHA_A + " refs/heads/main\n" + SHA_B + " refs/heads/dev\n");
        assertEquals(Optional.of(SHA_B), GitCommit.of(dir));
        Files.writeString(git.resolve("HEAD"), SHA_A + "\n");
        assertEquals(Optional.of(SHA_A), GitCommit.of(dir));
    }

    @Test
    void worktreeGitdirFile(@TempDir Path dir) throws IOException {
        Path main = Files.createDirectories(dir.resolve("main/.git"));
        Path wt = Files.createDirectories(main.resolve("worktrees/wt"));
        Files.writeString(wt.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(wt.resolve("commondir"), "../..\n");
        Files.createDirectories(main.resolve("refs/heads"));
        Files.writeString(main.resolve("refs/heads/feature"), SHA_B + "\n");
        Path checkout = Files.createDirectories(dir.resolve("wt"));
        Files.writeString(checkout.resolve(".git"), "gitdir: " + wt + "\n");
        assertEquals(Optional.of(SHA_B), GitCommit.of(checkout));
    }

    @Test
    void noRepositoryOrUnbornBranch(@TempDir Path dir) throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path git = Files.createDirectories(plain.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/unborn\n");
        assertEquals(Optional.empty(), GitCommit.of(plain));
    }

    @Test
    void runNamesAreAdjectiveNounNumberAndSeedable() {
        RunNameGenerator a = new RunNameGenerator(new SplittableRandom(42));
        RunNameGenerator b = new RunNameGenerator(new SplittableRandom(42));
        for (int i = 0; i < 50; i++) {
            String name = a.next();
            assertEquals(b.next(), name);
            assertEquals(true, name.matches("^[a-z]+-[a-z]+-\\d{1,3}$"), name);
        }
    }
}
