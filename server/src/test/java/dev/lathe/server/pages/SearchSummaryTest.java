package dev.lathe.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.tracking.Run;
import dev.lathe.server.http.Json;
import dev.lathe.tuning.tracking.TrialTags;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page's data over plain HTTP, for a real search run through Lathe's tuning API
 * ({@link UiFixture#studyId}): trial scores and states as the store holds them, the best so far, the
 * pruned trials' intermediate values, and each param's η² recomputed here from the trial runs in the
 * store (an independent grouping, not the server's code).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSummaryTest {
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

    private HttpResponse<String> get(String runId) {
        return ui.get(SearchSummary.PATH + "?run_id=" + runId);
    }

    /** The completed trial runs in the store: their params (without the trial number) and rmse. */
    private List<Run> completed() {
        List<Run> out = new ArrayList<>();
        for (Run r : ui.store.childRuns(ui.studyId)) {
            if (r.data().tags().get(TrialTags.OUTCOME).startsWith("COMPLETE ")) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void trialsScoresAndBestSoFarAreTheStoresTrials() throws Exception {
        HttpResponse<String> r = get(ui.studyId);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = Json.parse(r.body());
        assertEquals("MINIMIZE", s.get("direction").asText());
        assertEquals("rmse", s.get("score").asText());
        JsonNode trials = s.get("trials");
        assertEquals(UiFixture.STUDY_TRIALS, trials.size());
        Map<String, Run> byId = new HashMap<>();
        ui.store.childRuns(ui.studyId).forEach(run -> byId.put(run.info().runId(), run));
        double best = Double.POSITIVE_INFINITY;
        int pruned = 0;
        for (int i = 0; i < trials.size(); i++) {
            JsonNode t = trials.get(i);
            assertEquals(i, t.get("number").asInt());
            Run run = byId.get(t.get("run_id").asText());
            assertEquals("trial-" + i, run.info().runName());
            String state = t.get("state").asText();
            if (state.equals("COMPLETE")) {
                double rmse = run.data().latestMetrics().get("rmse").value();
                assertEquals(rmse, t.get("value").asDouble(), 0);
                best = Math.min(best, rmse);
                assertEquals(UiFixture.STUDY_STEPS, t.get("intermediate").size());
            } else {
                assertEquals("PRUNED", state, t.toString());
                assertEquals("true", run.data().tags().get(TrialTags.PRUNED));
                assertTrue(t.get("intermediate").size() < UiFixture.STUDY_STEPS, t.toString());
                pruned++;
            }
            assertEquals(best, t.get("best").asDouble(), 0, "best so far at trial " + i);
            assertEquals(
                    run.data().params().get("lr"), t.get("params").get("lr").asText());
        }
        assertTrue(pruned > 0, "the median pruner stopped some trials");
    }

    @Test
    void importanceIsEtaSquaredOfTheCompletedTrialsRecomputedHere() throws Exception {
        JsonNode s = Json.parse(get(ui.studyId).body());
        List<Run> runs = completed();
        Map<String, Double> expected = new HashMap<>();
        for (String param : List.of("lr", "depth", "booster")) {
            expected.put(param, etaSquared(runs, param, !param.equals("booster")));
        }
        JsonNode importance = s.get("importance");
        assertEquals(3, importance.size(), importance.toString());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode i : importance) {
            String param = i.get("param").asText();
            assertEquals(expected.get(param), i.get("eta_squared").asDouble(), 1e-9, param);
            assertEquals(runs.size(), i.get("trials").asInt());
            assertTrue(i.get("eta_squared").asDouble() <= previous, "most important first");
            previous = i.get("eta_squared").asDouble();
        }
        // lr moves the score the most (4 x a range of 0.29 against 0.05 x 6 for depth)
        assertEquals("lr", importance.get(0).get("param").asText());
        assertTrue(s.get("importance_method").asText().contains("η²"));
    }

    @Test
    void aRunThatIsNotASearchIsABadParameterNamingIt() throws Exception {
        HttpResponse<String> r = get(ui.runIds.get(0));
        assertEquals(400, r.statusCode());
        JsonNode e = Json.parse(r.body());
        assertEquals("INVALID_PARAMETER_VALUE", e.get("error_code").asText());
        assertTrue(e.get("message").asText().contains(ui.runIds.get(0)), r.body());
    }

    /**
     * η² written out differently from the server: groups keyed by bin label, means by a second pass,
     * η² = SS between / SS total. A numeric value's bin is (number of trials with a smaller value) x 5 / n.
     */
    private static double etaSquared(List<Run> runs, String param, boolean numeric) {
        int n = runs.size();
        Map<String, List<Double>> groups = new TreeMap<>();
        for (Run r : runs) {
            String v = r.data().params().get(param);
            String label = v;
            if (numeric) {
                double x = Double.parseDouble(v);
                long smaller = runs.stream()
                        .filter(o -> Double.parseDouble(o.data().params().get(param)) < x)
                        .count();
                label = Long.toString(smaller * ParamImportance.BINS / n);
            }
            groups.computeIfAbsent(label, k -> new ArrayList<>())
                    .add(r.data().latestMetrics().get("rmse").value());
        }
        double mean = groups.values().stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        double between = 0;
        double total = 0;
        for (List<Double> g : groups.values()) {
            double m = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            between += g.size() * (m - mean) * (m - mean);
            for (double y : g) {
                total += (y - mean) * (y - mean);
            }
        }
        return between / total;
    }
}
