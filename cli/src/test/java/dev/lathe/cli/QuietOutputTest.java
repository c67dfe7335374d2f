package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user starts it ({@code main} in a fresh JVM, with no logging configuration of
 * the test run): stderr carries only Lathe's own progress lines, no SLF4J or java.util.logging noise.
 */
class QuietOutputTest {
    @TempDir
    Path tmp;

    /** Runs {@code main} of {@code mainClass} in a child JVM; returns exit code, stdout and stderr. */
    private CliRun child(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return CliRun.inChildJvm(tmp, List.of(), mainClass, args);
    }

    @Test
    void trainPrintsOnlyLathesOwnLines() throws Exception {
        CliRun r = child(
                LatheCli.class,
                "train",
                "--trainer",
                "ridge",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                tmp.resolve("store").toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().isBlank(), "progress goes to stderr");
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("[lathe] ")), r.err());
        assertTrue(r.out().startsWith("run "), r.out());
        assertFalse((r.out() + r.err()).contains("SLF4J"), r.toString());
    }

    @Test
    void javaUtilLoggingShowsWarningsOnly() throws Exception {
        CliRun r = child(JulProbe.class);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("probe warning"), r.err());
        assertFalse(r.err().contains("probe info"), r.err());
    }

    /** Configures logging as {@code lathe} does, then logs at INFO and WARNING as Tribuo's trainers do. */
    static final class JulProbe {
        public static void main(String[] args) {
            CliLogging.quiet();
            Logger tribuo = Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");
            tribuo.log(Level.INFO, "probe info");
            tribuo.log(Level.WARNING, "probe warning");
        }
    }
}
