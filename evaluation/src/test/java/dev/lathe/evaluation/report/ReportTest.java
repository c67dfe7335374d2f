package dev.lathe.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.Direction;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.evaluation.drift.DriftDetector;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.DriftThresholds;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.evaluation.metrics.SegmentError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final double TOL = 1e-12;
    private static final long SEED = 11L;
    private static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&";

    @Test
    void htmlHasEveryPlotAsWellFormedSvgAndNoExternalResources() throws Exception {
        EvaluationReport report = TaxiLikeReport.build(SEED);
        String html = HtmlReport.render(report);
        for (String id : List.of(
                ReportPlots.DISTRIBUTIONS,
                ReportPlots.RESIDUAL_HISTOGRAM,
                ReportPlots.RESIDUALS_VS_PREDICTION,
                ReportPlots.FEATURE_IMPORTANCES,
                ReportPlots.LEARNING_CURVE,
                ReportPlots.SEARCH_HISTORY)) {
            assertTrue(html.contains("<figure id=\"plot-" + id + "\"><svg "), id);
        }
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (svg.find()) {
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            count++;
        }
        assertEquals(6, count);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://")
                && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
        assertFalse(html.contains("https://"));
        assertTrue(html.contains("Per-segment errors: pickup zone"));
        assertTrue(html.contains("Feature drift"));
        assertTrue(html.contains(report.provenance().orElseThrow().datasetDigest()));
        // 2000-point subsample of 5000 validation rows
        assertEquals(2000, report.residualSample().x().length);
        assertEquals(5000, report.residualSample().population());
        assertEquals(15, report.importances().size());
        assertEquals("trip_distance", report.importances().get(0).feature());
    }

    @Test
    void optionalSectionsAreOmittedWhenNotGiven() {
        EvaluationReport report =
                new ReportBuilder("minimal", new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2.5, 4}).build();
        String html = HtmlReport.render(report);
        assertTrue(html.contains("plot-" + ReportPlots.DISTRIBUTIONS));
        assertFalse(html.contains("plot-" + ReportPlots.LEARNING_CURVE));
        assertFalse(html.contains("plot-" + ReportPlots.FEATURE_IMPORTANCES));
        assertFalse(html.contains("Feature drift"));
        assertEquals(3, ReportPlots.render(report).size());
    }

    @Test
    void hostileNamesAreEscapedEverywhere() {
        double[] y = {10, 12, 14, 20, 7};
        double[] p = {11, 12, 13, 18, 8};
        ModelProvenance prov = new ModelProvenance(
                HOSTILE,
                new TreeMap<>(Map.of(HOSTILE, HOSTILE)),
                HOSTILE,
                "abc",
                5,
                1,
                new TreeMap<>(Map.of("k", HOSTILE)),
                "0",
                "17",
                "sha256:" + HOSTILE);
        EvaluationReport report = new ReportBuilder(HOSTILE, y, p)
                .targetLabel(HOSTILE)
                .featureImportances(Map.of(HOSTILE, 2.0, "ok", 1.0), 5)
                .learningCurve(LearningCurve.builder(HOSTILE)
                        .series(HOSTILE, new double[] {3, 2, 1})
                        .build())
                .searchHistory(new SearchHistory(HOSTILE, Direction.MAXIMIZE, new double[] {1, 2}))
                .segments(HOSTILE, List.of(new SegmentError(HOSTILE, 5, 1.0, 1.2)))
                .drift(new DriftDetector(DriftThresholds.defaults())
                        .compare(DriftSamples.builder()
                                .numeric(HOSTILE, y, p)
                                .categorical(HOSTILE + "c", new String[] {"a"}, new String[] {"b"})
                                .build()))
                .provenance(prov)
                .build();
        String html = HtmlReport.render(report);
        assertFalse(html.contains("<script"), "raw script tag in HTML");
        assertFalse(html.contains("<img"), "raw img tag in HTML");
        assertFalse(html.contains("alert('x')"), "unescaped quote in HTML");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"));
        String md = MarkdownReport.render(report);
        assertFalse(md.contains("<script"));
        assertFalse(md.contains("<img"));
        for (String svg : ReportPlots.render(report).values()) {
            assertFalse(svg.contains("<script"));
            assertFalse(svg.contains("<img"));
        }
    }

    @Test
    void theModelFileDigestShowsInEveryFormat() throws Exception {
        String digest = "sha256:" + "ab".repeat(32);
        ModelProvenance prov =
                new ModelProvenance("ols", new TreeMap<>(), "train", "abc", 5, 1, new TreeMap<>(), "0", "17", digest);
        EvaluationReport report = new ReportBuilder("t", new double[] {1, 2, 3}, new double[] {1, 2, 4})
                .provenance(prov)
                .build();
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertEquals(digest, json.get("provenance").get("payload_digest").asText());
        assertTrue(MarkdownReport.render(report).contains("| model file digest | `" + digest + "` |"));
        assertTrue(HtmlReport.render(report).contains(digest));
    }

    @Test
    void jsonParsesBackWithTheSameContent() throws Exception {
        EvaluationReport report = TaxiLikeReport.build(SEED);
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertEquals(JsonReport.SCHEMA, json.get("schema").asText());
        assertEquals(report.title(), json.get("title").asText());
        for (Map.Entry<String, Double> e : report.metrics().toMap().entrySet()) {
            assertEquals(e.getValue(), json.get("metrics").get(e.getKey()).asDouble(), TOL, e.getKey());
        }
        JsonNode dist = json.get("plots").get("distributions");
        assertEquals(41, dist.get("edges").size());
        long actualTotal = 0;
        for (JsonNode c : dist.get("actual")) {
            actualTotal += c.asLong();
        }
        assertEquals(5000, actualTotal);
        assertEquals(
                2000,
                json.get("plots")
                        .get("residuals_vs_prediction")
                        .get("predicted")
                        .size());
        assertEquals(report.segments().size(), json.get("segments").get("rows").size());
        assertEquals(3, json.get("drift").get("features").size());
        assertEquals(
                "CATEGORICAL",
                json.get("drift").get("features").get(2).get("type").asText());
        assertEquals(120, json.get("learning_curve").get("series").get("valid").size());
        assertEquals(73, json.get("learning_curve").get("best_round").asInt());
        assertEquals("test-ols", json.get("provenance").get("trainer").asText());
        assertEquals(2, json.get("datasets").size());
    }

    @Test
    void singleRowReportRendersAndWritesUndefinedR2AsJsonNull() throws Exception {
        EvaluationReport report = new ReportBuilder("one", new double[] {7}, new double[] {7}).build();
        assertTrue(Double.isNaN(report.metrics().r2Score()));
        assertTrue(HtmlReport.render(report).contains("<svg "));
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertTrue(json.get("metrics").get("r2_score").isNull());
        assertEquals(0.0, json.get("metrics").get("mean_absolute_error").asDouble(), TOL);
    }

    @Test
    void reportMetricsEqualTheEvaluatorAndHistogramsCountEveryRow() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] p = {1.5, 2, 2.5, 4.5, 5, 6.5, 6, 8, 9.5, 9};
        EvaluationReport report = new ReportBuilder("t", y, p).histogramBins(4).build();
        assertEquals(new RegressionEvaluator().evaluate(y, p), report.metrics());
        // shared edges over [1, 10]: width 2.25 -> [1, 3.25), [3.25, 5.5), [5.5, 7.75), [7.75, 10]
        assertEquals(List.of(3L, 2L, 2L, 3L), boxed(report.actual().counts()));
        assertEquals(List.of(3L, 2L, 2L, 3L), boxed(report.predicted().counts()));
        assertEquals(10, java.util.Arrays.stream(report.residuals().counts()).sum());
    }

    @Test
    void scatterSampleIsSeededAndKeepsRowOrder() {
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        ScatterSample a = ScatterSample.of(x, x, 2000, 5L);
        ScatterSample b = ScatterSample.of(x, x, 2000, 5L);
        ScatterSample c = ScatterSample.of(x, x, 2000, 6L);
        assertTrue(java.util.Arrays.equals(a.x(), b.x()));
        assertFalse(java.util.Arrays.equals(a.x(), c.x()));
        double[] ax = a.x();
        for (int i = 1; i < ax.length; i++) {
            assertTrue(ax[i] > ax[i - 1]);
        }
        assertEquals(
                3,
                ScatterSample.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 2000, 5L)
                        .x()
                        .length);
    }

    @Test
    void searchHistoryRunningBest() {
        SearchHistory lower = new SearchHistory("rmse", Direction.MINIMIZE, new double[] {5, 6, 4, 4.5, 3});
        assertEquals(List.of(5.0, 5.0, 4.0, 4.0, 3.0), boxed(lower.runningBest()));
        assertEquals(4, lower.bestTrial());
        SearchHistory higher = new SearchHistory("r2", Direction.MAXIMIZE, new double[] {0.1, 0.3, 0.2});
        assertEquals(List.of(0.1, 0.3, 0.3), boxed(higher.runningBest()));
        assertEquals(1, higher.bestTrial());
    }

    @Test
    void writesDemoReportFilesForScreenshots() throws Exception {
        Path dir = Path.of("target", "report-demo");
        List<Path> files = ReportArtifacts.write(TaxiLikeReport.build(SEED), dir);
        assertEquals(3, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f.toString());
        }
    }

    private static List<Long> boxed(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
