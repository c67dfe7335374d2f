package dev.lathe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.RunConvention;
import dev.lathe.workflow.model.ModelDirectory;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example exactly as written: its java block is compiled (imports on top, the
 * statements as a main method) and run in a fresh JVM from a new directory that holds only the data
 * (a link to {@code data/}), so its relative paths and its {@code lathe-store} are what a user gets.
 * Its printed prediction is then checked against the registered run's pipeline read straight from the
 * store, and the store against what the snippet says it does.
 */
class ReadmeExampleTest {
    private static final int MAX_LINES = 30;
    private static final long CHILD_TIMEOUT_SECONDS = 300;
    private static final Pattern PRINTED =
            Pattern.compile("best validation RMSE ([0-9.]+); 166 -> 143, 2.58 mi: ([0-9.]+) min");

    @Test
    void theLibrarySnippetRunsAsWrittenAndRegistersThePipelineItPredictsWith(@TempDir Path work)
            throws IOException, InterruptedException {
        Path root = checkout();
        List<String> snippet = javaBlock(Files.readString(root.resolve("README.md")), "## As a library");
        assertTrue(snippet.size() <= MAX_LINES, "the snippet has " + snippet.size() + " lines");

        Path src = work.resolve("src/ReadmeSnippet.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, asProgram(snippet));
        Path classes = Files.createDirectories(work.resolve("classes"));
        String classPath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-classpath", classPath, "-d", classes.toString()),
                        null,
                        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)
                                .getJavaFileObjects(src.toFile()))
                .call();
        assertTrue(compiled, diagnostics.toString());

        Path userDir = Files.createDirectories(work.resolve("user"));
        Files.createSymbolicLink(userDir.resolve("data"), root.resolve("data"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classes + java.io.File.pathSeparator + classPath,
                        "ReadmeSnippet")
                .directory(userDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout;
        boolean finished;
        try {
            stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            finished = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            child.destroy();
            Files.delete(userDir.resolve("data")); // the link, not the bundled data
        }
        assertTrue(finished, "the snippet finished");
        assertEquals(0, child.exitValue(), stdout);
        Matcher printed = PRINTED.matcher(stdout);
        assertTrue(printed.find(), stdout);

        try (SqliteTrackingStore store = SqliteTrackingStore.open(userDir.resolve("lathe-store"))) {
            ModelVersion champion = store.registry().getModelVersionByAlias("nyc-taxi-duration", "champion");
            String parentId = champion.runId().orElseThrow();
            Run parent = store.getRun(parentId);
            List<Run> trials = store.childRuns(parentId);
            assertEquals(20, trials.size(), "a 20-trial search");
            double bestTrial = trials.stream()
                    .mapToDouble(t -> t.data()
                            .latestMetrics()
                            .get(RunConvention.VALIDATION_RMSE)
                            .value())
                    .min()
                    .orElseThrow();
            double parentRmse = parent.data()
                    .latestMetrics()
                    .get(RunConvention.VALIDATION_RMSE)
                    .value();
            assertEquals(bestTrial, parentRmse, 1e-12, "the parent holds the best trial's model");
            assertEquals(parentRmse, Double.parseDouble(printed.group(1)), 5e-5);
            String experimentId = parent.info().experimentId();
            assertEquals(
                    23,
                    store.searchRuns(List.of(experimentId), "", List.of(), 100, null, ViewType.ACTIVE_ONLY)
                            .items()
                            .size(),
                    "ridge, xgboost, the search parent and its 20 trials");

            FittedPipeline registered =
                    FittedPipeline.load(store.artifactPath(parentId, ModelDirectory.PIPELINE_ARTIFACT));
            double minutes = registered.predict(new TripRecord("166", "143", 2.58));
            assertEquals(minutes, Double.parseDouble(printed.group(2)), 5e-3, "the snippet's printed prediction");
            assertTrue(minutes > 1 && minutes < 60, "a 2.6 mile trip takes minutes, got " + minutes);
        }
    }

    /** The lines of the first java block after {@code heading}. */
    static List<String> javaBlock(String readme, String heading) {
        int at = readme.indexOf(heading);
        assertTrue(at >= 0, "README has no '" + heading + "'");
        int open = readme.indexOf("```java\n", at);
        int close = readme.indexOf("\n```", open);
        assertTrue(open >= 0 && close > open, "README's '" + heading + "' has a java block");
        return readme.substring(open + "```java\n".length(), close).lines().toList();
    }

    /** The block as a class: its imports on top, its statements as the body of main. */
    static String asProgram(List<String> snippet) {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : snippet) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        return String.join("\n", imports)
                + "\n\npublic class ReadmeSnippet {\n    public static void main(String[] args) throws Exception {\n"
                + String.join("\n", body)
                + "\n    }\n}\n";
    }

    private static Path checkout() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("data/tlc"))) {
            root = root.getParent();
        }
        return root;
    }
}
