package dev.lathe.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportArtifactsTest {
    /** Records artifacts in memory; every other operation is unused here. */
    private static final class RecordingRun implements ActiveRun {
        final Map<String, byte[]> artifacts = new LinkedHashMap<>();

        @Override
        public String runId() {
            return "run-1";
        }

        @Override
        public String experimentId() {
            return "0";
        }

        @Override
        public void logParam(String key, String value) {}

        @Override
        public void logParams(Map<String, String> params) {}

        @Override
        public void logMetric(String key, double value, long step) {}

        @Override
        public void logMetrics(Map<String, Double> metrics, long step) {}

        @Override
        public void setTag(String key, String value) {}

        @Override
        public void logInput(DatasetInput input) {}

        @Override
        public void logArtifact(String path, byte[] content) {
            artifacts.put(path, content.clone());
        }

        @Override
        public void flush() {}

        @Override
        public boolean isEnded() {
            return false;
        }

        @Override
        public void end(RunStatus status) {}

        @Override
        public void close() {}
    }

    @Test
    void logsHtmlJsonAndMarkdownAsRunArtifacts() {
        EvaluationReport report =
                new ReportBuilder("artifacts", new double[] {1, 2, 3}, new double[] {1, 2.5, 2.5}).build();
        RecordingRun run = new RecordingRun();
        List<String> paths = ReportArtifacts.log(report, run, "evaluation");
        assertEquals(List.of("evaluation/report.html", "evaluation/report.json", "evaluation/report.md"), paths);
        assertEquals(paths, List.copyOf(run.artifacts.keySet()));
        assertArrayEquals(
                HtmlReport.render(report).getBytes(StandardCharsets.UTF_8),
                run.artifacts.get("evaluation/report.html"));
        assertArrayEquals(
                JsonReport.render(report).getBytes(StandardCharsets.UTF_8),
                run.artifacts.get("evaluation/report.json"));
        assertArrayEquals(
                MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8),
                run.artifacts.get("evaluation/report.md"));
    }

    @Test
    void rejectsAbsoluteArtifactDir() {
        EvaluationReport report = new ReportBuilder("x", new double[] {1, 2}, new double[] {1, 2}).build();
        assertEquals(
                "artifact dir must be a non-blank relative path, got '/tmp'",
                assertThrows(LatheException.class, () -> ReportArtifacts.log(report, new RecordingRun(), "/tmp"))
                        .getMessage());
    }
}
