package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.core.tracking.ActiveRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report's HTML, JSON and Markdown renderings to a directory or logs them as run artifacts. */
public final class ReportArtifacts {
    public static final String HTML = "report.html";
    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";

    private ReportArtifacts() {}

    /**
     * Logs the three files under {@code artifactDir} (e.g. "evaluation") of {@code run} and returns their
     * artifact paths.
     */
    public static List<String> log(EvaluationReport report, ActiveRun run, String artifactDir) {
        LatheException.check(
                artifactDir != null && !artifactDir.isBlank() && !artifactDir.startsWith("/"),
                "artifact dir must be a non-blank relative path, got '%s'",
                artifactDir);
        String dir = artifactDir.endsWith("/") ? artifactDir : artifactDir + "/";
        run.logArtifact(dir + HTML, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
        run.logArtifact(dir + JSON, JsonReport.render(report).getBytes(StandardCharsets.UTF_8));
        run.logArtifact(dir + MARKDOWN, MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8));
        return List.of(dir + HTML, dir + JSON, dir + MARKDOWN);
    }

    /** Writes the three files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(EvaluationReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = Files.writeString(dir.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
            Path json = Files.writeString(dir.resolve(JSON), JsonReport.render(report), StandardCharsets.UTF_8);
            Path md = Files.writeString(dir.resolve(MARKDOWN), MarkdownReport.render(report), StandardCharsets.UTF_8);
            return List.of(html, json, md);
        } catch (IOException e) {
            throw new StorageException("could not write report files to " + dir + ": " + e.getMessage(), e);
        }
    }
}
