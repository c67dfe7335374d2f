package dev.lathe.trainers.boosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * XGBoost must not print per-round evaluation lines. Java-level output is captured in-process; the
 * native library writes to file descriptor 1 directly, so a child JVM's real stdout is checked too.
 */
class NoStdoutTest {
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @Test
    void fitWithValidationSetPrintsNothingThroughSystemOut() {
        Dataset train = TestData.taxiLike("train", 200, 4, 1.0, 1);
        Dataset valid = TestData.taxiLike("valid", 100, 4, 1.0, 2);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new XGBoostTrainer(XGBoostParams.builder(20).build())
                    .fit(train, FitContext.builder().validation(valid).build());
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nativeLibraryWritesNothingToTheProcessStdout() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QuietFitMain.class.getName());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "child fit did not finish");
        assertEquals(0, p.exitValue(), "child exit code");
        assertEquals("", new String(out, StandardCharsets.UTF_8));
    }
}
