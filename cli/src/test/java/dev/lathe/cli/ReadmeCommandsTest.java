package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's getting-started block as written, command by command, in a fresh directory that
 * has the bundled {@code data/} (one child JVM whose working directory it is: see {@link
 * ReadmeShell}); bash checks the block's syntax. Then checks what it left in the store.
 */
class ReadmeCommandsTest {
    @TempDir
    Path dir;

    @Test
    void theGettingStartedBlockRunsAsWritten() throws Exception {
        Path repo = CliRun.data("2023-01").getParent().getParent().getParent();
        Path readme = repo.resolve("README.md");
        Files.createSymbolicLink(dir.resolve("data"), repo.resolve("data"));

        // bash accepts the block as written (syntax), and the block runs in a fresh directory
        Files.writeString(dir.resolve("getting-started.sh"), "set -euo pipefail\n" + ReadmeShell.block(readme));
        Process syntax = new ProcessBuilder("bash", "-n", "getting-started.sh")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(syntax.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, syntax.exitValue(), new String(syntax.getInputStream().readAllBytes()));

        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx3g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReadmeShell.class.getName(),
                        readme.toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("LATHE_STORE");
        Process p = pb.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        Files.delete(dir.resolve("data")); // the link, not the bundled data
        String log = "--- stdout\n" + Files.readString(dir.resolve("out.txt")) + "--- stderr\n"
                + Files.readString(dir.resolve("err.txt"));
        assertTrue(done, "finished in time\n" + log);
        assertEquals(0, p.exitValue(), log);

        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir.resolve("lathe-store"))) {
            String experiment =
                    store.getExperimentByName("nyc-taxi-duration").orElseThrow().experimentId();
            Run best =
                    store
                            .searchRuns(List.of(experiment), "", List.of(), 100, null, ViewType.ACTIVE_ONLY)
                            .items()
                            .stream()
                            .min(Comparator.comparingDouble(r -> r.data()
                                    .latestMetrics()
                                    .get("validation_rmse")
                                    .value()))
                            .orElseThrow();
            ModelVersion champion = store.registry().getModelVersionByAlias("nyc-taxi-duration", "champion");
            assertEquals(best.info().runId(), champion.runId().orElseThrow(), "the best run was registered");
            assertTrue(store.getExperimentByName("nyc-taxi-search").isPresent(), "the search ran");
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<html"));
        assertTrue(Files.isDirectory(dir.resolve("mlruns")));
    }
}
