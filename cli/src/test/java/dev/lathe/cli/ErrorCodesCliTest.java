package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each cause of failure reaches the user as {@code lathe: error [CODE]: message} with its exit code: 2
 * for what the user can fix (a value, the data, a missing name), 1 for storage and internal failures.
 */
class ErrorCodesCliTest {
    @TempDir
    Path tmp;

    private static void assertFails(CliRun run, int code, String errorCode, String... inMessage) {
        assertEquals(code, run.code(), run.toString());
        String prefix = "lathe: error [" + errorCode + "]: ";
        assertTrue(run.err().contains(prefix), run.toString());
        for (String part : inMessage) {
            assertTrue(run.err().contains(part), "expected '" + part + "' in\n" + run);
        }
    }

    @Test
    void anInvalidOptionValueIsInvalidParameterValue() {
        CliRun run = CliRun.of(
                "train",
                "--trainer",
                "ridge",
                "-P",
                "alpha=lots",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                tmp.resolve("store").toString());
        assertFails(run, 2, "INVALID_PARAMETER_VALUE", "alpha", "'lots'");
    }

    @Test
    void aModelThatIsNotRegisteredDoesNotExist() {
        CliRun run = CliRun.of(
                "evaluate",
                "--model",
                "models:/never-registered@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--store",
                tmp.resolve("store").toString());
        assertFails(run, 2, "RESOURCE_DOES_NOT_EXIST", "'never-registered'");
    }

    @Test
    void aTableWithoutTheNeededColumnsIsBadData() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n3,4\n");
        CliRun run = CliRun.of(
                "train",
                "--trainer",
                "ols",
                "--train",
                bad.toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                tmp.resolve("store").toString());
        assertFails(run, 2, "BAD_REQUEST", bad.toString());
    }

    @Test
    void aStoreThatCannotBeCreatedIsAnIoErrorWithExitCodeOne() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("store-file"), "not a directory");
        CliRun run = CliRun.of("runs", "list", "--store", notADirectory.toString());
        assertFails(run, 1, "IO_ERROR", notADirectory.toString());
        assertEquals("not a directory", Files.readString(notADirectory), "the file is left as it was");
    }
}
