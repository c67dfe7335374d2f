package dev.lathe.server;

import static dev.lathe.server.LiveServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the UI reads at scale, over HTTP: MLflow's {@code metrics/get-history-bulk-interval} (thinned on
 * the server), and Lathe's runs table (only the shown columns), key search and metric summaries.
 */
class ChartEndpointsTest {
    private static final String MLFLOW = "/ajax-api/2.0/mlflow/";
    private static final String LATHE = "/ajax-api/2.0/lathe/";

    @TempDir
    Path dir;

    private LiveServer live;
    private String experimentId;
    private final List<String> runIds = new ArrayList<>();

    @BeforeEach
    void start() {
        live = new LiveServer(dir);
        experimentId = live.store.createExperiment("charts");
        String parent = live.store
                .createRun(RunSpec.builder(experimentId).runName("parent").build())
                .runId();
        runIds.add(parent);
        for (int r = 0; r < 3; r++) {
            String id = live.store
                    .createRun(RunSpec.builder(experimentId)
                            .runName("r" + r)
                            .parentRunId(parent)
                            .build())
                    .runId();
            List<Metric> loss = new ArrayList<>();
            for (int step = 0; step < 10_000; step++) {
                loss.add(new Metric("loss", step == 7_777 ? 99 : r + 1.0 / (step + 1), 1_000 + step, step));
            }
            for (int from = 0; from < loss.size(); from += 1_000) {
                live.store.logBatch(id, loss.subList(from, from + 1_000), List.of(), List.of());
            }
            for (int k = 0; k < 30; k++) {
                live.store.logMetric(id, new Metric("metric_" + k, k + r, 5, 0));
                live.store.logParam(id, "param_" + k, "v" + k);
            }
            live.store.setTag(id, "team", "t" + r);
            runIds.add(id);
        }
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void bulkIntervalThinsEachRunsHistoryOnTheServer() throws Exception {
        String runs = "run_ids=" + runIds.get(1) + "&run_ids=" + runIds.get(2);
        JsonNode answer = ok(live.send(
                "GET",
                MLFLOW + "metrics/get-history-bulk-interval?" + runs + "&metric_key=loss&max_results=200",
                null));
        for (String runId : List.of(runIds.get(1), runIds.get(2))) {
            List<Metric> points = new ArrayList<>();
            for (JsonNode m : answer.get("metrics")) {
                if (m.get("run_id").asText().equals(runId)) {
                    points.add(new Metric(
                            m.get("key").asText(),
                            m.get("value").asDouble(),
                            m.get("timestamp").asLong(),
                            m.get("step").asLong()));
                }
            }
            assertEquals(HistorySampler.sample(live.store.getMetricHistory(runId, "loss"), 200), points);
            assertTrue(points.stream().anyMatch(m -> m.value() == 99), "the spike survives");
        }
        JsonNode window = ok(live.send(
                "GET",
                MLFLOW + "metrics/get-history-bulk-interval?run_ids=" + runIds.get(1)
                        + "&metric_key=loss&start_step=100&end_step=199",
                null));
        assertEquals(100, window.get("metrics").size(), "a window within the default budget comes whole");
        assertEquals(100, window.get("metrics").get(0).get("step").asLong());
    }

    @Test
    void bulkIntervalRejectsWhatMlflowRejects() throws Exception {
        String url = MLFLOW + "metrics/get-history-bulk-interval?metric_key=loss&run_ids=" + runIds.get(1);
        assertError(
                live.send("GET", url + "&max_results=0", null), 400, "INVALID_PARAMETER_VALUE", "between 1 and 2500");
        assertError(
                live.send("GET", url + "&start_step=3", null),
                400,
                "INVALID_PARAMETER_VALUE",
                "both must be specified");
        assertError(
                live.send("GET", url + "&start_step=9&end_step=3", null),
                400,
                "INVALID_PARAMETER_VALUE",
                "end_step must be greater than start_step");
        StringBuilder many = new StringBuilder(MLFLOW + "metrics/get-history-bulk-interval?metric_key=loss");
        for (int i = 0; i < 101; i++) {
            many.append("&run_ids=").append(runIds.get(1));
        }
        assertError(live.send("GET", many.toString(), null), 400, "INVALID_PARAMETER_VALUE", "at most 100 run_ids");
        assertError(
                live.send("GET", MLFLOW + "metrics/get-history-bulk-interval?metric_key=loss&run_ids=nope", null),
                404,
                "RESOURCE_DOES_NOT_EXIST",
                "nope");
    }

    @Test
    void runsTableCarriesOnlyTheShownColumnsOfTheSameRunsAsRunsSearch() throws Exception {
        String search = "{\"experiment_ids\": [\"" + experimentId + "\"], \"max_results\": 2,"
                + " \"order_by\": [\"metrics.metric_3 DESC\"]";
        JsonNode full = ok(live.send("POST", MLFLOW + "runs/search", search + "}"));
        JsonNode table = ok(
                live.send(
                        "POST",
                        LATHE + "runs/table",
                        search
                                + ", \"metric_keys\": [\"metric_3\", \"absent\"], \"param_keys\": [\"param_1\"], \"tag_keys\": [\"team\"]}"));
        assertEquals(full.get("next_page_token"), table.get("next_page_token"));
        assertEquals(full.get("runs").size(), table.get("runs").size());
        for (int i = 0; i < full.get("runs").size(); i++) {
            JsonNode f = full.get("runs").get(i);
            JsonNode t = table.get("runs").get(i);
            assertEquals(f.get("info"), t.get("info"));
            assertEquals(Set.of("metric_3"), keys(t.get("data").get("metrics")));
            assertEquals(Set.of("param_1"), keys(t.get("data").get("params")));
            assertEquals(
                    Set.of("team", MlflowTags.PARENT_RUN_ID), keys(t.get("data").get("tags")));
            for (JsonNode m : t.get("data").get("metrics")) {
                assertTrue(contains(f.get("data").get("metrics"), m), "the same metric as runs/search: " + m);
            }
            assertTrue(t.toString().length() * 5 < f.toString().length(), "a fraction of the whole run");
        }
        assertError(
                live.send(
                        "POST",
                        LATHE + "runs/table",
                        "{\"experiment_ids\": [\"" + experimentId + "\"], \"filter\": \"metrics.x <<< 1\"}"),
                400,
                "INVALID_PARAMETER_VALUE",
                "");
    }

    @Test
    void keysAreSearchedOnTheServer() throws Exception {
        String url = LATHE + "experiments/keys?experiment_id=" + experimentId;
        JsonNode first = ok(live.send("GET", url + "&kind=metric&max_results=5", null));
        assertEquals(31, first.get("total").asInt(), "30 metric_k and loss");
        assertEquals(List.of("loss", "metric_0", "metric_1", "metric_10", "metric_11"), list(first.get("keys")));
        JsonNode found = ok(live.send("GET", url + "&kind=PARAM&contains=AM_2", null));
        assertEquals(
                List.of(
                        "param_2",
                        "param_20",
                        "param_21",
                        "param_22",
                        "param_23",
                        "param_24",
                        "param_25",
                        "param_26",
                        "param_27",
                        "param_28",
                        "param_29"),
                list(found.get("keys")));
        assertEquals(
                List.of("team"),
                list(ok(live.send("GET", url + "&kind=tag", null)).get("keys")));
        assertError(live.send("GET", url + "&kind=dataset", null), 400, "INVALID_PARAMETER_VALUE", "'dataset'");
        assertError(
                live.send("GET", url + "&kind=metric&max_results=5000", null), 400, "INVALID_PARAMETER_VALUE", "5000");
        assertError(
                live.send("GET", LATHE + "experiments/keys?experiment_id=424242&kind=metric", null),
                404,
                "RESOURCE_DOES_NOT_EXIST",
                "424242");
    }

    @Test
    void summariesComeFromTheWholeHistory() throws Exception {
        JsonNode s =
                ok(live.send("GET", LATHE + "metrics/summaries?run_id=" + runIds.get(2) + "&key=loss&key=none", null));
        assertEquals(1, s.get("summaries").size());
        JsonNode loss = s.get("summaries").get(0);
        assertEquals(99.0, loss.get("max").asDouble());
        assertEquals(1 + 1.0 / 10_000, loss.get("min").asDouble());
        assertEquals(10_000, loss.get("count").asLong());
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    private static Set<String> keys(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(x -> out.add(x.get("key").asText()));
        return out;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static boolean contains(JsonNode list, JsonNode item) {
        for (JsonNode x : list) {
            if (x.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
