package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --output} that cannot be written: the command fails naming the file, leaves no partial or
 * temporary file, and the tracked run ends FAILED, not FINISHED.
 */
class OutputFailureCliTest {
    @TempDir
    Path tmp;

    @Test
    void aTrainWhoseOutputCannotBeWrittenFailsAndMarksItsRunFailed() throws IOException {
        Path store = tmp.resolve("store");
        Path blocker = Files.writeString(tmp.resolve("not-a-directory"), "a file where a directory should be");
        Path output = blocker.resolve("model.lathe");
        CliRun r = CliRun.of(
                "train",
                "--trainer",
                "ols",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--output",
                output.toString(),
                "--store",
                store.toString());
        assertNotEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains(output.toString()), r.toString());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(
                    List.of(blocker, store).stream().sorted().toList(),
                    files.sorted().toList());
        }
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String exp =
                    s.getExperimentByName("nyc-taxi-duration").orElseThrow().experimentId();
            List<Run> runs = s.searchRuns(List.of(exp), "", List.of(), 10, null, ViewType.ALL)
                    .items();
            assertEquals(1, runs.size());
            assertEquals(RunStatus.FAILED, runs.get(0).info().status(), "a run whose output was not written");
        }
    }
}
