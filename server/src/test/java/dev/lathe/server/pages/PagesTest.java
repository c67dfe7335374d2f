package dev.lathe.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.server.http.Response;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as HTTP sees them: each is HTML under a self-only Content-Security-Policy, user text in
 * the server-rendered parts is escaped, every script and stylesheet a page links to is served by this
 * server, and an HTML artifact is served sandboxed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {
    @TempDir
    static Path dir;

    private UiFixture ui;

    @BeforeAll
    void start() {
        ui = new UiFixture(dir);
    }

    @AfterAll
    void stop() {
        ui.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return ui.get(pathAndQuery);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyPageIsHtmlUnderASelfOnlyPolicyAndItsAssetsAreServedHere() throws Exception {
        String[] pages = {
            "/",
            "/experiment?id=" + ui.experimentId,
            "/run?id=" + ui.runIds.get(0),
            "/search?id=" + ui.studyId,
            "/compare?runs=" + ui.runIds.get(0) + "," + ui.runIds.get(1),
            "/registry",
            "/routes"
        };
        Pattern asset = Pattern.compile("(?:src|href)=\"(/static/[^\"]+)\"");
        for (String page : pages) {
            HttpResponse<String> r = get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), page);
            assertEquals(
                    Response.SELF_ONLY,
                    r.headers().firstValue("Content-Security-Policy").orElseThrow(),
                    page);
            assertFalse(r.body().contains("<script>"), page + " has an inline script: " + r.body());
            Matcher m = asset.matcher(r.body());
            int assets = 0;
            while (m.find()) {
                HttpResponse<String> a = get(m.group(1));
                assertEquals(200, a.statusCode(), m.group(1));
                assertTrue(a.body().length() > 100, m.group(1));
                assets++;
            }
            assertTrue(assets >= 2, page + " links its stylesheet and scripts");
        }
        assertTrue(get("/static/uPlot.iife.min.js").body().contains("uPlot"));
    }

    @Test
    void userTextInServerRenderedPartsIsEscaped() throws Exception {
        String run = get("/run?id=" + ui.hostileId).body();
        assertTrue(run.contains("<h1 id=\"heading\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), run);
        assertFalse(run.contains("alert(1)</script>"), run);
        String home = get("/").body();
        assertTrue(home.contains("store&lt;i&gt;x&lt;/i&gt;"), home);
        assertFalse(home.contains("<i>x"), home);
        String routes = get("/routes").body();
        assertTrue(routes.contains("store&lt;i&gt;x&lt;/i&gt;"), routes);
        assertTrue(routes.contains("POST /api/2.0/mlflow/runs/log-batch"), routes);
        assertTrue(routes.contains("GET /experiment"), routes);
    }

    @Test
    void anUnknownExperimentOrRunIsMlflowsNotFound() throws Exception {
        HttpResponse<String> r = get("/run?id=" + q("nope"));
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("RESOURCE_DOES_NOT_EXIST"), r.body());
        assertEquals(404, get("/experiment?id=424242").statusCode());
        assertEquals(400, get("/experiment").statusCode());
    }

    @Test
    void metricSummariesAreTheMinAndMaxOfEachHistory() throws Exception {
        String run = ui.runIds.get(3); // seed 3: rmse = 1.3 + 5/(step+1) at steps 0..11, z03 = 3 * 4 once
        HttpResponse<String> r = get(MetricSummaries.PATH + "?run_id=" + run + "&key=rmse&key=z03&key=absent");
        assertEquals(200, r.statusCode(), r.body());
        var summaries = dev.lathe.server.http.Json.parse(r.body()).get("summaries");
        assertEquals(2, summaries.size(), r.body());
        assertEquals("rmse", summaries.get(0).get("key").asText());
        assertEquals(1 + 3 / 10.0 + 5.0, summaries.get(0).get("max").asDouble(), 1e-12);
        assertEquals(
                1 + 3 / 10.0 + 5.0 / UiFixture.HISTORY,
                summaries.get(0).get("min").asDouble(),
                1e-12);
        assertEquals(UiFixture.HISTORY, summaries.get(0).get("count").asInt());
        assertEquals(12.0, summaries.get(1).get("min").asDouble());
        assertEquals(12.0, summaries.get(1).get("max").asDouble());
    }

    @Test
    void anHtmlArtifactIsServedAsASandboxedPage() throws Exception {
        HttpResponse<String> r = get("/artifact-view?run_id=" + ui.runIds.get(7) + "&path=" + q(UiFixture.REPORT));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains(UiFixture.REPORT_TEXT));
        String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("sandbox;"), policy);
        assertTrue(policy.contains("default-src 'none'"), policy);
        // MLflow's download path still sends it as text, never as a page of this origin.
        HttpResponse<String> raw = get("/get-artifact?run_uuid=" + ui.runIds.get(7) + "&path=" + q(UiFixture.REPORT));
        assertTrue(raw.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }
}
